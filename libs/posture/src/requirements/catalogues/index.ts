import type { RequirementCatalogue } from '../catalogue';
import { TCVN14423_2026_CATALOGUE } from './tcvn14423-2026';
import { TT12_2022_CATALOGUE } from './tt12-2022';

export { TCVN14423_2026_CATALOGUE } from './tcvn14423-2026';
export { TT12_2022_CATALOGUE } from './tt12-2022';

/** Every catalogue, by the id a regime's `catalogueId` names. */
export const CATALOGUES: Readonly<Record<string, RequirementCatalogue>> = {
  [TT12_2022_CATALOGUE.id]: TT12_2022_CATALOGUE,
  [TCVN14423_2026_CATALOGUE.id]: TCVN14423_2026_CATALOGUE,
};

export function catalogueById(id: string): RequirementCatalogue | undefined {
  return Object.hasOwn(CATALOGUES, id) ? CATALOGUES[id] : undefined;
}
