import type { Priority } from '@soc/shared';
import type { IncidentState, ObservableType } from '../pure';

/** One observable of an incident as sharing sees it (the `incident_observables` row). */
export interface SharedObservable {
  type: ObservableType;
  value: string;
  /** ISO 8601 event times of the first and last alert that named it. */
  firstSeen: string;
  lastSeen: string;
  /** Alerts that named it. */
  sightings: number;
}

/** What the STIX and MISP builders need of an incident: no agency, system or people beyond its observables. */
export interface SharedIncident {
  id: string;
  ref: string;
  title: string;
  priority: Priority;
  state: IncidentState;
  createdAt: string;
  updatedAt: string;
  firstSeen: string;
  lastSeen: string;
  observables: readonly SharedObservable[];
}

/** Who shares: our organisation (config.province.authority). */
export interface Producer {
  name: string;
}

/** RFC 3339 in UTC with exactly milliseconds and `Z`, as STIX 2.1 §2.16 wants for `created`/`modified`. */
export function stixTime(iso: string): string {
  return new Date(iso).toISOString();
}

/** The later of ISO timestamps (they compare as instants once normalised). */
export function latest(...isos: string[]): string {
  return isos.map(stixTime).reduce((a, b) => (b > a ? b : a));
}

/** Observables in a stable order, so a re-export lists its objects the same way. */
export function inStableOrder<T extends { type: string; value: string }>(observables: readonly T[]): T[] {
  return [...observables].sort((a, b) => (a.type === b.type ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.type < b.type ? -1 : 1));
}
