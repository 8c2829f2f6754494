import { allowedActions, decideDossier, type DossierState } from '../src/dossier/dossier-workflow';
import type { Dossier } from '../src/system-profile';

const dossier = (status: Dossier['status'], proposedLevel: number | null = null): Dossier => ({
  status,
  proposedLevel,
  submittedOn: null,
  decisionNumber: null,
  decisionDate: null,
  approver: null,
});
const state = (status: Dossier['status'], proposedLevel: number | null = null, regulationStatus: DossierState['regulationStatus'] = 'issued'): DossierState => ({
  dossier: dossier(status, proposedLevel),
  regulationStatus,
});
const TODAY = '2025-12-15';
const DECISION = { decisionNumber: '1234/QĐ-UBND', decisionDate: '2025-12-10', approver: 'Chủ tịch UBND tỉnh' };

describe('security-level dossier workflow', () => {
  it('goes draft → submitted → appraised → approved, setting the approved level from the proposed one', () => {
    expect(decideDossier(state('draft'), 'submit', { proposedLevel: 3 }, TODAY)).toEqual({ ok: true, to: 'submitted', dossier: { status: 'submitted', proposedLevel: 3, submittedOn: TODAY } });
    expect(decideDossier(state('submitted', 3), 'appraise', {}, TODAY)).toEqual({ ok: true, to: 'appraised', dossier: { status: 'appraised' } });
    expect(decideDossier(state('submitted', 3), 'appraise', { proposedLevel: 2 }, TODAY)).toMatchObject({ ok: true, dossier: { proposedLevel: 2 } });
    expect(decideDossier(state('appraised', 3), 'approve', DECISION, TODAY)).toEqual({ ok: true, to: 'approved', dossier: { status: 'approved', ...DECISION }, approvedLevel: 3 });
  });

  it('returns from submitted or appraised with a reason, and reopens returned or approved dossiers as drafts', () => {
    expect(decideDossier(state('submitted', 3), 'return', { reason: 'Thiếu thuyết minh' }, TODAY)).toMatchObject({ ok: true, to: 'returned' });
    expect(decideDossier(state('appraised', 3), 'return', { reason: 'x' }, TODAY)).toMatchObject({ ok: true, to: 'returned' });
    expect(decideDossier(state('returned', 3), 'reopen', {}, TODAY)).toMatchObject({ ok: true, to: 'draft' });
    expect(decideDossier(state('approved', 3), 'reopen', { reason: 'Thay đổi công nghệ' }, TODAY)).toMatchObject({ ok: true, to: 'draft' });
  });

  it('refuses a move from the wrong state as a conflict naming the allowed actions', () => {
    expect(decideDossier(state('draft'), 'approve', DECISION, TODAY)).toEqual({ ok: false, refusal: 'conflict', message: expect.stringContaining('allowed: submit') });
    expect(decideDossier(state('submitted', 3), 'submit', { proposedLevel: 3 }, TODAY)).toMatchObject({ refusal: 'conflict', message: expect.stringContaining('allowed: appraise, return') });
    expect(decideDossier(state('returned', 3), 'submit', { proposedLevel: 3 }, TODAY)).toMatchObject({ refusal: 'conflict', message: expect.stringContaining('allowed: reopen') });
    expect(allowedActions('approved')).toEqual(['reopen']);
  });

  it('refuses missing or foreign inputs as invalid', () => {
    expect(decideDossier(state('draft'), 'submit', {}, TODAY)).toEqual({ ok: false, refusal: 'invalid', message: 'submit needs proposedLevel' });
    expect(decideDossier(state('appraised', 3), 'approve', { decisionNumber: '1' }, TODAY)).toMatchObject({ refusal: 'invalid', message: 'approve needs decisionDate, approver' });
    expect(decideDossier(state('submitted', 3), 'return', {}, TODAY)).toMatchObject({ refusal: 'invalid', message: 'return needs reason' });
    expect(decideDossier(state('draft'), 'submit', { proposedLevel: 2, approver: 'x' }, TODAY)).toMatchObject({ refusal: 'invalid', message: 'approver not used by submit' });
  });

  it('refuses approval until the Quy chế is issued (TT 12 Art. 9.7)', () => {
    for (const regulation of ['none', 'draft'] as const) {
      expect(decideDossier(state('appraised', 3, regulation), 'approve', DECISION, TODAY)).toMatchObject({ ok: false, refusal: 'conflict', message: expect.stringContaining('TT 12/2022 Art. 9.7') });
    }
  });
});
