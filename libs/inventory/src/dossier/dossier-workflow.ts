import type { Dossier, DossierStatus, RegulationStatus } from '../system-profile';

/**
 * The security-level dossier's path (NĐ 85 Art. 12–15 ≈ NĐ 331 Art. 18–21): the operating unit submits
 * it with a proposed level, the specialized unit (or BCA for levels 4–5) appraises it, the competent
 * authority approves it by a decision; appraisal or approval may return it; an approved or returned
 * dossier is reopened as a draft for re-determination (NĐ 331 Art. 25).
 */
export const DOSSIER_ACTIONS = ['submit', 'appraise', 'approve', 'return', 'reopen'] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export interface DossierInput {
  proposedLevel?: number;
  decisionNumber?: string;
  decisionDate?: string;
  approver?: string;
  reason?: string;
}

interface Move {
  from: readonly DossierStatus[];
  to: DossierStatus;
  required: ReadonlyArray<keyof DossierInput>;
  optional: ReadonlyArray<keyof DossierInput>;
}

const MOVES: Readonly<Record<DossierAction, Move>> = {
  submit: { from: ['draft'], to: 'submitted', required: ['proposedLevel'], optional: [] },
  // The appraisal may correct the proposed level.
  appraise: { from: ['submitted'], to: 'appraised', required: [], optional: ['proposedLevel'] },
  approve: { from: ['appraised'], to: 'approved', required: ['decisionNumber', 'decisionDate', 'approver'], optional: [] },
  return: { from: ['submitted', 'appraised'], to: 'returned', required: ['reason'], optional: [] },
  reopen: { from: ['returned', 'approved'], to: 'draft', required: [], optional: ['reason'] },
};

export const allowedActions = (status: DossierStatus): DossierAction[] => DOSSIER_ACTIONS.filter((action) => MOVES[action].from.includes(status));

export interface DossierState {
  dossier: Dossier;
  regulationStatus: RegulationStatus;
}

export type DossierDecision =
  | { ok: true; to: DossierStatus; dossier: Partial<Dossier>; approvedLevel?: number }
  | { ok: false; refusal: 'conflict' | 'invalid'; message: string };

/** What `action` does to the dossier in `state`, or why it cannot: a wrong state or a missing Quy chế is a conflict, bad input is invalid. */
export function decideDossier(state: DossierState, action: DossierAction, input: DossierInput, today: string): DossierDecision {
  const move = MOVES[action];
  const from = state.dossier.status;
  if (!move.from.includes(from)) {
    const allowed = allowedActions(from);
    return { ok: false, refusal: 'conflict', message: `cannot ${action} a dossier that is ${from} (hồ sơ đang ở trạng thái ${from}); allowed: ${allowed.join(', ') || 'none'}` };
  }
  const given = (Object.keys(input) as Array<keyof DossierInput>).filter((field) => input[field] !== undefined);
  const missing = move.required.filter((field) => input[field] === undefined);
  const unexpected = given.filter((field) => !move.required.includes(field) && !move.optional.includes(field));
  if (missing.length > 0 || unexpected.length > 0) {
    const reasons = [...(missing.length > 0 ? [`${action} needs ${missing.join(', ')}`] : []), ...(unexpected.length > 0 ? [`${unexpected.join(', ')} not used by ${action}`] : [])];
    return { ok: false, refusal: 'invalid', message: reasons.join('; ') };
  }
  switch (action) {
    case 'submit':
      return { ok: true, to: move.to, dossier: { status: move.to, proposedLevel: input.proposedLevel!, submittedOn: today } };
    case 'appraise':
      return { ok: true, to: move.to, dossier: { status: move.to, ...(input.proposedLevel === undefined ? {} : { proposedLevel: input.proposedLevel }) } };
    case 'approve': {
      if (state.regulationStatus !== 'issued') {
        return {
          ok: false,
          refusal: 'conflict',
          message: `the system's security regulation (Quy chế bảo đảm ATTT) is ${state.regulationStatus}: it must be issued before the dossier is approved (TT 12/2022 Art. 9.7)`,
        };
      }
      const level = state.dossier.proposedLevel;
      if (level === null) return { ok: false, refusal: 'conflict', message: 'the dossier has no proposed level to approve' };
      return {
        ok: true,
        to: move.to,
        dossier: { status: move.to, decisionNumber: input.decisionNumber!, decisionDate: input.decisionDate!, approver: input.approver! },
        approvedLevel: level,
      };
    }
    case 'return':
    case 'reopen':
      return { ok: true, to: move.to, dossier: { status: move.to } };
  }
}
