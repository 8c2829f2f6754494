import type { AlertFinding } from '../alert-finding';

export type Severity = AlertFinding['severity'];

/** What an alert shows about the rule behind it; Sigma's licence asks that the author stay visible. */
export interface RuleInfo {
  /** The id alerts carry: the rule's `name` when it has one (stable, readable), else its Sigma `id`, else its title. */
  ruleId: string;
  sigmaId?: string;
  title: string;
  description?: string;
  severity: Severity;
  tags: readonly string[];
  author?: string;
  references: readonly string[];
  kind: 'detection' | 'correlation';
  origin?: string;
}

/** Sigma levels → alert severity; `informational` is kept as a low alert rather than dropped. */
export function severityOf(level: string | undefined): Severity {
  switch (level) {
    case 'critical':
    case 'high':
    case 'low':
      return level;
    case 'informational':
      return 'low';
    default:
      return 'medium';
  }
}

export const ruleIdOf = (rule: { name?: string; id?: string; title: string }): string => rule.name ?? rule.id ?? rule.title;
