/**
 * A normalized security event with ECS field names (https://www.elastic.co/guide/en/ecs/current/).
 * Parsers fill what their format carries; nothing here is required except the event basics.
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
    code?: string;
    provider?: string;
    duration?: number;
    ingested: string;
    original: string;
  };
  source?: Endpoint;
  destination?: Endpoint;
  client?: Endpoint;
  server?: Endpoint;
  network?: { transport?: string; protocol?: string; direction?: string; bytes?: number; packets?: number; iana_number?: string; type?: string };
  user?: { name?: string; domain?: string; id?: string; effective?: { name?: string } };
  group?: { name?: string; id?: string };
  host?: { name?: string; hostname?: string; ip?: string[] };
  observer?: { vendor?: string; product?: string; name?: string; type?: string; serial_number?: string; ingress?: { interface?: { name?: string } }; egress?: { interface?: { name?: string } } };
  process?: { name?: string; pid?: number; executable?: string; command_line?: string; parent?: { name?: string; pid?: number; executable?: string; command_line?: string } };
  file?: { name?: string; path?: string; hash?: Record<string, string> };
  url?: { original?: string; path?: string; query?: string; domain?: string; scheme?: string; port?: number };
  http?: { request?: { method?: string; referrer?: string; bytes?: number }; response?: { status_code?: number; bytes?: number }; version?: string };
  user_agent?: { original?: string };
  dns?: { question?: { name?: string; type?: string }; response_code?: string };
  tls?: { version?: string; server?: { ja3s?: string; subject?: string }; client?: { ja3?: string; server_name?: string } };
  rule?: { id?: string; name?: string; category?: string; ruleset?: string };
  winlog?: { event_id?: number; channel?: string; provider_name?: string; computer_name?: string; record_id?: number; event_data?: Record<string, string> };
  log?: {
    level?: string;
    syslog?: {
      priority?: number;
      facility?: { code: number };
      severity?: { code: number };
      /** RFC 5424 MSGID and structured data (`{ sdId: { param: value } }`). */
      msgid?: string;
      structured_data?: Record<string, Record<string, string>>;
    };
  };
  /** Vendor fields with no ECS home, kept under their format's name (e.g. `fortinet`, `cef`, `suricata`). */
  vendor?: Record<string, Record<string, unknown>>;
  /** Our enrichment: which source sent it, the agency, information system and security level it concerns (null: not known). */
  soc: {
    source_id: string;
    transport: string;
    agency_id?: string | null;
    system_id?: string | null;
    security_level?: number | null;
    /** Present when something is not in the registries: the event is kept, and flagged. */
    flags?: EnrichmentFlag[];
  };
}

export type EnrichmentFlag = 'unregistered_source' | 'unknown_asset';

export interface Endpoint {
  ip?: string;
  port?: number;
  address?: string;
  domain?: string;
  mac?: string;
  bytes?: number;
  packets?: number;
  nat?: { ip?: string; port?: number };
}
