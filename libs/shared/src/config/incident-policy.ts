import { z } from 'zod';
import { PRIORITIES, type Priority } from '../priority/priority';

/** Alert severities (Sigma levels; `informational` ranks with low). */
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A column of the priority matrix: security level 1–5, or `unknown` when no system (or no level) is known. */
export const LEVEL_COLUMNS = ['1', '2', '3', '4', '5', 'unknown'] as const;
export type LevelColumn = (typeof LEVEL_COLUMNS)[number];
export type PriorityMatrix = Readonly<Record<Severity, Readonly<Record<LevelColumn, Priority>>>>;

/**
 * Severity × security level → priority, as Splunk ES's urgency matrix: the same alert is more urgent on a
 * level-4 system than on a level-1 one. Rows are severities; columns levels 1–5, then unknown.
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  critical: row('P2', 'P2', 'P1', 'P1', 'P1', 'P2'),
  high: row('P3', 'P2', 'P2', 'P1', 'P1', 'P2'),
  medium: row('P4', 'P3', 'P3', 'P2', 'P2', 'P3'),
  low: row('P4', 'P4', 'P4', 'P3', 'P3', 'P4'),
  informational: row('P4', 'P4', 'P4', 'P4', 'P4', 'P4'),
};

function row(...cells: Priority[]): Record<LevelColumn, Priority> {
  return Object.fromEntries(LEVEL_COLUMNS.map((column, i) => [column, cells[i]!])) as Record<LevelColumn, Priority>;
}

/** What alerts may share to land in one incident. `agency` is implicit: an incident never spans agencies. */
export const GROUPING_PARTS = ['attacker', 'system', 'rule_family', 'rule', 'user', 'host'] as const;
export type GroupingPart = (typeof GROUPING_PARTS)[number];

export interface SlaTarget {
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

export const DEFAULT_SLA_TARGETS: Readonly<Record<Priority, SlaTarget>> = {
  P1: { acknowledgeMinutes: 15, resolveMinutes: 4 * 60 },
  P2: { acknowledgeMinutes: 60, resolveMinutes: 24 * 60 },
  P3: { acknowledgeMinutes: 4 * 60, resolveMinutes: 72 * 60 },
  P4: { acknowledgeMinutes: 24 * 60, resolveMinutes: 7 * 24 * 60 },
};

export interface IncidentPolicy {
  priorityMatrix: PriorityMatrix;
  /** Any one of these key combinations shared with an open incident joins the alert to it. */
  grouping: ReadonlyArray<readonly GroupingPart[]>;
  /** An open incident takes alerts whose first event is at most this long after its last one. */
  groupingWindowMs: number;
  /** Alerts below this severity join a matching open incident but never open one. */
  openMinSeverity: Severity;
  sla: Readonly<Record<Priority, SlaTarget>>;
  slaCheckMs: number;
}

const json = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
    return z.NEVER;
  }
});

const priority = z.enum(PRIORITIES);

/** `SOC_PRIORITY_MATRIX`: cells to change, e.g. `{"high":{"3":"P1"}}`; the rest keep their default. */
export const priorityMatrixEnv = json
  .pipe(z.partialRecord(z.enum(SEVERITIES), z.partialRecord(z.enum(LEVEL_COLUMNS), priority)))
  .transform((overrides): PriorityMatrix => {
    const matrix = Object.fromEntries(SEVERITIES.map((s) => [s, { ...DEFAULT_PRIORITY_MATRIX[s], ...overrides[s] }]));
    return matrix as unknown as PriorityMatrix;
  });

/** `SOC_SLA_TARGETS`: per priority, minutes to acknowledge and to resolve, e.g. `{"P1":{"acknowledgeMinutes":10}}`. */
export const slaTargetsEnv = json
  .pipe(z.partialRecord(priority, z.object({ acknowledgeMinutes: z.number().int().min(1), resolveMinutes: z.number().int().min(1) }).partial()))
  .transform((overrides) => Object.fromEntries(PRIORITIES.map((p) => [p, { ...DEFAULT_SLA_TARGETS[p], ...overrides[p] }])) as Record<Priority, SlaTarget>);

/** `SOC_INCIDENT_GROUPING`: combinations separated by commas, parts by `+`, e.g. `attacker,system+rule_family`. */
export const groupingEnv = z
  .string()
  .transform((s) => s.split(',').map((combo) => combo.split('+').map((part) => part.trim())).filter((combo) => combo.some((p) => p.length > 0)))
  .pipe(z.array(z.array(z.enum(GROUPING_PARTS)).min(1)).min(1, 'at least one key combination'));
