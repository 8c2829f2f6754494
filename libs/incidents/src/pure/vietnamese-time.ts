/** A moment as Vietnamese documents write it, in the province's zone: `17:05 ngày 30/11/2026`. */
export function vietnameseDateTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('hour')}:${part('minute')} ngày ${part('day')}/${part('month')}/${part('year')}`;
}

/** A day as Vietnamese documents date them: `ngày 30 tháng 11 năm 2026`. */
export function vietnameseDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `ngày ${part('day')} tháng ${part('month')} năm ${part('year')}`;
}
