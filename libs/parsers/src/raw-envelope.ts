export type IngestTransport = 'kafka' | 'http' | 'syslog';

/** One raw log record as it arrived, before any parsing. */
export interface RawEnvelope {
  /** Registered log source that sent it (Kafka key, `X-Source-Id`, syslog peer mapping). */
  sourceId: string;
  receivedAt: Date;
  transport: IngestTransport;
  /** Optional per-source hint that skips format auto-detection. */
  formatHint?: string;
  /** The bytes as received, decoded as UTF-8. */
  payload: string;
}
