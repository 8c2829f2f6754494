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
  /** What raised it: one event matching a rule, a correlation over several, or a threat-intel indicator. */
  kind?: 'rule' | 'correlation' | 'intel';
  /** The rule's author: Sigma's licence asks that attribution stay visible wherever a match is shown. */
  author?: string;
  references?: readonly string[];
  /** Which selections of the rule held, on which fields and values (single-event rules). */
  matches?: ReadonlyArray<{ selection: string; field: string | null; value: string | null }>;
  /** A correlation's group-by values. */
  groupBy?: Readonly<Record<string, string>>;
  /** The indicator behind a threat-intel alert. */
  indicator?: { listId: string; listName: string; type: string; value: string; description: string | null };
}

export interface AlertEntities {
  sourceIp?: string;
  agencyId: string | null;
  userNames?: string[];
  hostNames?: string[];
  systemIds?: string[];
  securityLevel?: number | null;
}
