import type { SecurityEvent } from '@soc/parsers';
import type { CorrelationInput, SigmaMatch } from '@soc/sigma';
import { eventField } from './event-fields';

/**
 * What a correlation alert names besides its group-by values, read from each of its events: the
 * correlation engine keeps their distinct values per match (checkpointed with it), in this order.
 */
export const ENTITY_FACETS = ['source.ip', 'user.name', 'host.name', 'soc.system_id', 'soc.security_level'] as const;
/** Values listed per entity kind. */
export const LISTED_ENTITIES = 50;

/** A correlated event as the correlation engine takes it: the rules it matched, its fields, its entity values. */
export function correlationInput(eventId: string, timestamp: number, event: SecurityEvent, matches: readonly SigmaMatch[]): CorrelationInput {
  let matched = namesOf(matches[0]!.rule);
  for (let i = 1; i < matches.length; i += 1) matched = matched.concat(namesOf(matches[i]!.rule));
  const level = event.soc.security_level;
  // Read directly, in ENTITY_FACETS order: this runs for every correlated event.
  const facets = [event.source?.ip ?? null, event.user?.name ?? null, event.host?.name ?? null, event.soc.system_id ?? null, level === undefined || level === null ? null : String(level)];
  return new EventInput(eventId, timestamp, matched, event, facets);
}

/** A correlated event as the correlation engine reads it: one object per event, its fields read on demand. */
class EventInput implements CorrelationInput {
  readonly count: number | undefined;

  constructor(
    readonly eventId: string,
    readonly timestamp: number,
    readonly matched: readonly string[],
    private readonly event: SecurityEvent,
    readonly facets: readonly (string | null)[],
  ) {
    this.count = event.event.count;
  }

  field(name: string): string | number | undefined {
    return eventField(this.event, name);
  }
}

/** A detection rule's id and name, as correlations may reference it: one list per rule, made once. */
const ruleNames = new WeakMap<SigmaMatch['rule'], readonly string[]>();
function namesOf(rule: SigmaMatch['rule']): readonly string[] {
  // The last rule asked for, remembered apart: a stream's correlated events mostly match one rule, and a
  // WeakMap lookup costs more than the rest of building the input.
  if (rule === lastRule) return lastNames;
  let names = ruleNames.get(rule);
  if (!names) ruleNames.set(rule, (names = [rule.id, rule.name].filter((name): name is string => Boolean(name))));
  lastRule = rule;
  lastNames = names;
  return names;
}
let lastRule: SigmaMatch['rule'] | undefined;
let lastNames: readonly string[] = [];
