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
