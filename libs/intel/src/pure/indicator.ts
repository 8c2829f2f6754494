/** What a threat-intelligence indicator can be. File hashes carry their algorithm as the type. */
export const INDICATOR_TYPES = ['ip', 'domain', 'url', 'md5', 'sha1', 'sha256'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** A hash of unstated algorithm (`hash`): the algorithm is read from its length. */
export type IndicatorTypeInput = IndicatorType | 'hash';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One indicator as matching sees it: normalised value, the list it belongs to, effective severity. */
export interface Indicator {
  listId: string;
  listName: string;
  type: IndicatorType;
  /** Normalised (see `normalizeIndicator`); the index normalises again, so raw input also works. */
  value: string;
  severity: Severity;
  description: string | null;
  /** Matches only strictly before this instant; null or absent: no expiry. */
  validUntil?: Date | null;
}

/** The event fields matching looks at. `url.full` and `process.hash.*` are not in SecurityEvent. */
export type IntelField =
  | 'source.ip'
  | 'destination.ip'
  | 'host.ip'
  | 'url.domain'
  | 'destination.domain'
  | 'dns.question.name'
  | 'url.original'
  | `file.hash.${string}`;

/** One match: which indicator, on which event field, and the value that matched (as the event has it). */
export interface IntelHit {
  indicator: Indicator;
  field: IntelField;
  value: string;
}

/** An indicator read from an import, before it joins a list. */
export interface ImportedIndicator {
  type: IndicatorType;
  value: string;
  /** Absent: the list's default severity. */
  severity?: Severity;
  description?: string;
  validUntil?: Date;
  /** Where it came from: `line 7`, a STIX id, `indicators[3]`. */
  where: string;
}

/** A row, object or comparison that could not be used, and why. */
export interface Rejection {
  where: string;
  reason: string;
}

export interface ImportResult {
  indicators: ImportedIndicator[];
  rejected: Rejection[];
  /** STIX objects that are not indicators (identity, relationship, malware...), counted by type. */
  ignored: Record<string, number>;
}

export function isSeverity(text: string): text is Severity {
  return (SEVERITIES as readonly string[]).includes(text);
}

/** Longest description kept; longer ones are cut (with an ellipsis), never a reason to drop an indicator. */
export const MAX_DESCRIPTION = 1000;

export function clipDescription(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_DESCRIPTION ? `${trimmed.slice(0, MAX_DESCRIPTION - 1)}…` : trimmed;
}

/** One indicator per (type, value), the last one given winning (a later row restates an earlier one). */
export function latestPerValue(indicators: readonly ImportedIndicator[]): ImportedIndicator[] {
  const byKey = new Map<string, ImportedIndicator>();
  for (const indicator of indicators) {
    const key = `${indicator.type}\u0000${indicator.value}`;
    byKey.delete(key);
    byKey.set(key, indicator);
  }
  return [...byKey.values()];
}
