/** What a rule concluded about a group of events; the alert store turns it into an alert row. */
export interface AlertFinding {
  /** `created` for a new alert, `updated` when more events joined an alert that is still open. */
  change: 'created' | 'updated';
  /** Same rule + same entity + same burst ⇒ same fingerprint; repeated matches update, never duplicate. */
  fingerprint: string;
  ruleId: string;
  title: string;
  severity: 'low' | 'medium' | 'high' | 'critical';
  tags: string[];
  /**
   * `agencyId`: the agency the events belong to (null when not attributed); `systemIds` the information
   * systems they concern and `securityLevel` the highest of their levels — what ranks the alert.
   */
  entities: AlertEntities;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  /** Contributing event ids, capped; `eventCount` is always the true total. */
  eventIds: string[];
  explanation: string;
}

export interface AlertEntities {
  sourceIp?: string;
  agencyId: string | null;
  userNames?: string[];
  hostNames?: string[];
  systemIds?: string[];
  securityLevel?: number | null;
}

/** An event as the detector sees it: normalized, with the id it is stored under. */
export interface DetectableEvent {
  id: string;
  timestampMs: number;
  action?: string;
  outcome?: string;
  sourceIp?: string;
  userName?: string;
  hostName?: string;
  agencyId: string | null;
  systemId: string | null;
  securityLevel: number | null;
  /** Occurrences the record stands for (syslog "message repeated N times"). */
  count: number;
}
