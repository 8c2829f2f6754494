import type { Level } from '../pure/regimes';
import type { RequirementCatalogue, RequirementGroup, RequirementItem } from './catalogue';

/** Whether an item applies to a system of `level`: from its minLevel up to its maxLevel, if any. */
export function appliesAt(item: RequirementItem, level: Level): boolean {
  return item.minLevel <= level && (item.maxLevel === undefined || level <= item.maxLevel);
}

/** The catalogue's groups with only the items a system of `level` must meet; groups left empty are dropped. */
export function groupsAtLevel(catalogue: RequirementCatalogue, level: Level): RequirementGroup[] {
  return catalogue.groups
    .map((group) => ({ ...group, items: group.items.filter((item) => appliesAt(item, level)) }))
    .filter((group) => group.items.length > 0);
}

/** The item and its group, whatever the level; undefined when the catalogue has no such item. */
export function findItem(catalogue: RequirementCatalogue, itemId: string): { group: RequirementGroup; item: RequirementItem } | undefined {
  for (const group of catalogue.groups) {
    const item = group.items.find((candidate) => candidate.id === itemId);
    if (item) return { group, item };
  }
  return undefined;
}
