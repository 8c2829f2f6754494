/** One Windows event as every JSON layout carries it, before ECS mapping. */
export interface WindowsRecord {
  eventId: number;
  channel?: string;
  provider?: string;
  computer?: string;
  recordId?: number;
  /** ISO 8601, UTC. */
  timestamp?: string;
  /** Lower-case level name (`information`, `warning`…). */
  level?: string;
  /** `Keywords` mask as hex text, e.g. `0x8010000000000000`. */
  keywords?: string;
  message?: string;
  /** EventData with Windows key names, values as text. */
  eventData: Record<string, string>;
  /** UserData (events such as 1102 carry their fields there instead of EventData), and its element's name. */
  userData?: Record<string, string>;
  userDataName?: string;
}

type HeaderFields = Pick<WindowsRecord, 'channel' | 'provider' | 'computer' | 'recordId' | 'timestamp' | 'level' | 'keywords' | 'message'>;

/** Copies the header fields a layout found into the record, leaving out the absent and empty ones. */
export function setHeader(record: WindowsRecord, header: { [K in keyof HeaderFields]: HeaderFields[K] | undefined }): void {
  for (const key of Object.keys(header) as Array<keyof HeaderFields>) {
    const value = header[key];
    if (value !== undefined && value !== '') (record as unknown as Record<string, unknown>)[key] = value;
  }
}
