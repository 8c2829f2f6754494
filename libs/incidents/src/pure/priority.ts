import { type LevelColumn, type Priority, PRIORITIES, type PriorityMatrix, type Severity, SEVERITIES } from '@soc/shared';

/** A severity as rules write it; anything unknown counts as medium rather than being dropped. */
export function severityOf(value: string): Severity {
  const lower = value.toLowerCase();
  return (SEVERITIES as readonly string[]).includes(lower) ? (lower as Severity) : 'medium';
}

export function severityRank(value: string): number {
  return SEVERITIES.indexOf(severityOf(value));
}

export function higherSeverity(a: string, b: string): Severity {
  return severityRank(a) >= severityRank(b) ? severityOf(a) : severityOf(b);
}

/** The matrix cell for an alert: its severity against the highest security level among the systems it concerns. */
export function priorityFor(matrix: PriorityMatrix, severity: string, securityLevel: number | null | undefined): Priority {
  const column: LevelColumn = securityLevel && securityLevel >= 1 && securityLevel <= 5 ? (String(securityLevel) as LevelColumn) : 'unknown';
  return matrix[severityOf(severity)][column];
}

export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
}
