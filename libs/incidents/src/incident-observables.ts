import type { AlertView } from '@soc/alerts';
import { type Observable, observablesOf } from './pure';

export type ObservableTally = Observable & { firstSeen: string; lastSeen: string; sightings: number };

/** Every observable of these alerts, once each, with how many alerts named it and over which event times. */
export function tallyObservables(alerts: readonly AlertView[]): ObservableTally[] {
  const tally = new Map<string, ObservableTally>();
  for (const alert of alerts) {
    for (const observable of observablesOf({ ...alert, ...alert.entities })) {
      const key = `${observable.type}\u0000${observable.value}`;
      const known = tally.get(key);
      if (!known) {
        tally.set(key, { ...observable, firstSeen: alert.firstSeen, lastSeen: alert.lastSeen, sightings: 1 });
        continue;
      }
      known.sightings += 1;
      if (alert.firstSeen < known.firstSeen) known.firstSeen = alert.firstSeen;
      if (alert.lastSeen > known.lastSeen) known.lastSeen = alert.lastSeen;
    }
  }
  return [...tally.values()];
}

/**
 * One tally per observable: the same IP named by an alert joining now and by one updated again must reach the
 * upsert once (PostgreSQL refuses to update a row twice in one statement).
 */
export function mergeTallies(...lists: ReadonlyArray<readonly ObservableTally[]>): ObservableTally[] {
  const merged = new Map<string, ObservableTally>();
  for (const tally of lists.flat()) {
    const key = `${tally.type}\u0000${tally.value}`;
    const known = merged.get(key);
    if (!known) {
      merged.set(key, { ...tally });
      continue;
    }
    known.sightings += tally.sightings;
    if (tally.firstSeen < known.firstSeen) known.firstSeen = tally.firstSeen;
    if (tally.lastSeen > known.lastSeen) known.lastSeen = tally.lastSeen;
  }
  return [...merged.values()];
}
