/** Windows `Level` numbers; 0 (LogAlways) is what audit events carry, shown by Windows as Information. */
const LEVELS: Readonly<Record<string, string>> = { '0': 'information', '1': 'critical', '2': 'error', '3': 'warning', '4': 'information', '5': 'verbose' };

/** A level as a number (`4`) or a name (`Information`, Wazuh's `AUDIT_SUCCESS`), as an ECS `log.level`. */
export function levelName(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (trimmed in LEVELS) return LEVELS[trimmed];
  if (/^audit_(success|failure)$/i.test(trimmed)) return 'information';
  return /^[a-z]+$/i.test(trimmed) ? trimmed.toLowerCase() : undefined;
}
