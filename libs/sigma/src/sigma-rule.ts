/**
 * Sigma documents as validated by the loader (https://github.com/SigmaHQ/sigma-specification):
 * detection rules and meta-filters. Field names and values are kept as written; meaning is given
 * by the compiler.
 */

export type SigmaLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type SigmaStatus = 'stable' | 'test' | 'experimental' | 'deprecated' | 'unsupported';

export const SIGMA_LEVELS: readonly SigmaLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];
export const SIGMA_STATUSES: readonly SigmaStatus[] = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

export interface SigmaLogsource {
  product?: string;
  category?: string;
  service?: string;
}

/** A value as YAML gives it: Sigma compares everything as text, except `null` (field absent). */
export type SigmaScalar = string | number | boolean | null;

/** `Field|modifier…: value-or-values`, ANDed with the other entries of its map. */
export type SigmaFieldMap = Readonly<Record<string, SigmaScalar | readonly SigmaScalar[]>>;

/**
 * A search identifier's definition: a map (AND of its fields), or a list (OR) whose items are maps
 * or keywords (values searched in the whole event).
 */
export type SigmaSearch = SigmaFieldMap | ReadonlyArray<SigmaFieldMap | SigmaScalar>;

export interface SigmaDetection {
  /** Search identifiers by name, in rule order. */
  searches: Readonly<Record<string, SigmaSearch>>;
  /** One or more conditions; several are ORed. */
  conditions: readonly string[];
}

export interface SigmaRule {
  kind: 'rule';
  title: string;
  id?: string;
  /** Other rules (correlations, filters) may refer to a rule by this name instead of its id. */
  name?: string;
  status?: SigmaStatus;
  level?: SigmaLevel;
  description?: string;
  /** Sigma's licence (DRL) requires this attribution to stay visible wherever matches are shown. */
  author?: string;
  date?: string;
  modified?: string;
  tags: readonly string[];
  references: readonly string[];
  falsepositives: readonly string[];
  fields: readonly string[];
  logsource: SigmaLogsource;
  detection: SigmaDetection;
  /** Where the rule came from (file path), for messages. */
  origin?: string;
}

/** A meta-filter: its detection, when it matches, suppresses the matches of the rules it names. */
export interface SigmaFilter {
  kind: 'filter';
  title: string;
  id?: string;
  description?: string;
  logsource: SigmaLogsource;
  /** Ids (or names) of the rules the filter applies to. */
  rules: readonly string[];
  detection: SigmaDetection;
  origin?: string;
}

export type SigmaDocument = SigmaRule | SigmaFilter;

export function logsourceLabel(logsource: SigmaLogsource): string {
  return (['product', 'category', 'service'] as const)
    .filter((key) => logsource[key] !== undefined)
    .map((key) => `${key}=${logsource[key]}`)
    .join(' ');
}
