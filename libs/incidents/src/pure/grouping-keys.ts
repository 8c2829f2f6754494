import type { GroupingPart } from '@soc/shared';

/** What grouping reads from an alert. */
export interface GroupableAlert {
  agencyId: string | null;
  ruleId: string;
  tags: readonly string[];
  sourceIp?: string;
  systemIds?: readonly string[];
  userNames?: readonly string[];
  hostNames?: readonly string[];
  indicator?: { type: string; value: string };
}

/** Keys per combination at most, so an alert naming many users or hosts cannot explode the index. */
const MAX_KEYS_PER_COMBINATION = 16;

/**
 * The keys under which an alert may join an open incident: one per value combination of each configured
 * grouping, prefixed by the agency (an incident never spans agencies, so agency scoping stays exact).
 * E.g. `ubnd|attacker=203.0.113.7`, `ubnd|system=egov-portal+rule_family=t1110`.
 */
export function groupingKeys(alert: GroupableAlert, grouping: ReadonlyArray<readonly GroupingPart[]>): string[] {
  const keys = new Set<string>();
  for (const combination of grouping) {
    let partial: string[] = [''];
    for (const part of combination) {
      const values = valuesOf(alert, part);
      partial = partial.flatMap((prefix) => values.map((value) => `${prefix}${prefix ? '+' : ''}${part}=${value}`)).slice(0, MAX_KEYS_PER_COMBINATION);
      if (partial.length === 0) break;
    }
    for (const key of partial) keys.add(`${alert.agencyId ?? '-'}|${key}`);
  }
  return [...keys].sort();
}

function valuesOf(alert: GroupableAlert, part: GroupingPart): string[] {
  switch (part) {
    case 'attacker':
      if (alert.sourceIp) return [alert.sourceIp];
      return alert.indicator?.type === 'ip' ? [alert.indicator.value] : [];
    case 'system':
      return [...(alert.systemIds ?? [])];
    case 'rule_family':
      return ruleFamilies(alert);
    case 'rule':
      return [alert.ruleId];
    case 'user':
      return [...(alert.userNames ?? [])].map((u) => u.toLowerCase());
    case 'host':
      return [...(alert.hostNames ?? [])].map((h) => h.toLowerCase());
  }
}

/** ATT&CK techniques without sub-technique (`attack.t1110.001` → `t1110`); the rule itself when it has none. */
function ruleFamilies(alert: GroupableAlert): string[] {
  const techniques = new Set<string>();
  for (const tag of alert.tags) {
    const match = /^attack\.(t\d{4})(?:\.\d{3})?$/i.exec(tag);
    if (match) techniques.add(match[1]!.toLowerCase());
  }
  return techniques.size > 0 ? [...techniques].sort() : [alert.ruleId];
}
