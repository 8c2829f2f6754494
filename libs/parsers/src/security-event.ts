/**
 * A normalized security event with ECS field names (https://www.elastic.co/guide/en/ecs/current/).
 * Only the fields our parsers fill today are typed; later formats add theirs.
 */
export interface SecurityEvent {
  '@timestamp': string;
  message?: string;
  event: {
    kind: 'event' | 'alert';
    category?: string[];
    type?: string[];
    action?: string;
    outcome?: 'success' | 'failure' | 'unknown';
    severity?: number;
    /** How many identical occurrences this record stands for ("message repeated N times"). */
    count?: number;
    dataset?: string;
    module?: string;
    ingested: string;
    original: string;
  };
  source?: { ip?: string; port?: number };
  user?: { name?: string };
  host?: { name?: string };
  process?: { name?: string; pid?: number };
  log?: { syslog?: { priority?: number; facility?: { code: number }; severity?: { code: number } } };
  /** Our enrichment: which source sent it and which agency owns that source (null: not registered). */
  soc: { source_id: string; transport: string; agency_id?: string | null };
}
