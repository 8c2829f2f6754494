import type { Level } from '../pure/regimes';
import type { LevelSuggestion } from '../classification/level-suggestion';
import type { RequirementGroupKind, RequirementItem } from './catalogue';
import type { Completeness } from './completeness';
import type { RequirementStatus } from './requirement-status';

/** A catalogue item with what was recorded for the system; `status` null: not assessed yet. */
export interface RequirementItemState extends RequirementItem {
  status: RequirementStatus | null;
  evidence: string | null;
  owner: string | null;
  remediationDate: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface RequirementGroupState {
  id: string;
  name: string;
  kind: RequirementGroupKind;
  items: RequirementItemState[];
}

/** Where the level requirements are judged against comes from: the approved level, else the proposed one. */
export type LevelSource = 'approved' | 'proposed';

export interface SystemRequirementsView {
  systemId: string;
  regimeId: string;
  catalogueId: string;
  catalogueVersion: string;
  level: Level;
  levelSource: LevelSource;
  groups: RequirementGroupState[];
  completeness: Completeness;
}

export interface SystemLevelSuggestion extends LevelSuggestion {
  systemId: string;
  approvedLevel: number | null;
  proposedLevel: number | null;
}
