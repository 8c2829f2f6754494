import type { Level } from '../pure/regimes';

/**
 * How sure we are of a fact, as in ../shared/domain/vietnam-regulations.md: V checked against the source text or
 * a reliable summary; G from a public GitHub copy or summary (to check against Công báo / VSQI); U unverified,
 * inferred or our own summary.
 */
export type Certainty = 'V' | 'G' | 'U';

export type RequirementGroupKind = 'management' | 'technical';

export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * One requirement a system of some levels must meet. Titles are our short summaries, never the legal wording:
 * `certainty` says how sure we are that the requirement exists at these levels, `source` where it comes from.
 */
export interface RequirementItem {
  /** Stable: recorded statuses refer to it (e.g. 'tt12.ops.security-monitoring'). */
  id: string;
  title: LocalizedText;
  /** The item applies to systems of this level and above… */
  minLevel: Level;
  /** …up to this level (a threshold a higher level replaces with a stricter item). */
  maxLevel?: Level;
  certainty: Certainty;
  source: string;
}

export interface RequirementGroup {
  id: string;
  /** Vietnamese name with the English in brackets. */
  name: string;
  kind: RequirementGroupKind;
  /** The group exists from this level on (TCVN 14423 adds three groups at level 3). */
  minLevel?: Level;
  items: readonly RequirementItem[];
}

export interface RequirementCatalogue {
  /** What a regime's `catalogueId` names. */
  id: string;
  /** Bumped on every change to items or wording, so reports can say which catalogue they were made against. */
  version: string;
  name: string;
  instruments: readonly string[];
  /** Where the structure and counts come from, and what is still to be checked. */
  basis: string;
  groups: readonly RequirementGroup[];
}
