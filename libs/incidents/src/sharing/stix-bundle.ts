import { ownId, uuidV5, SOC_NAMESPACE } from './deterministic-ids';
import { inStableOrder, latest, type Producer, type SharedIncident, type SharedObservable, stixTime } from './shared-incident';
import { type StixSco, stixObservable } from './stix-observables';
import { type TlpLevel, type TlpMarkingDefinition, tlpMarkingDefinition } from './tlp';

/** `created` of our identity: fixed, so the identity is one unchanging object across every export. */
const IDENTITY_CREATED = '2025-01-01T00:00:00.000Z';
/** STIX 2.1 §4.14 and §5.2: number_observed and count stop at 999,999,999. */
const MAX_COUNT = 999_999_999;

interface Authored {
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  created_by_ref: string;
  object_marking_refs: string[];
}

export interface StixIdentity {
  type: 'identity';
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  name: string;
  identity_class: 'organization';
}

export interface StixIndicator extends Authored {
  type: 'indicator';
  name: string;
  description: string;
  indicator_types: ['malicious-activity'];
  pattern: string;
  pattern_type: 'stix';
  pattern_version: '2.1';
  valid_from: string;
}

export interface StixObservedData extends Authored {
  type: 'observed-data';
  first_observed: string;
  last_observed: string;
  number_observed: number;
  object_refs: string[];
}

export interface StixSighting extends Authored {
  type: 'sighting';
  sighting_of_ref: string;
  observed_data_refs: string[];
  where_sighted_refs: string[];
  first_seen: string;
  last_seen: string;
  count: number;
}

export type StixObject = StixIdentity | TlpMarkingDefinition | StixSco | StixIndicator | StixObservedData | StixSighting;

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The identity object of the organisation that runs this SOC: the same id for every export. */
export function producerIdentity(producer: Producer): StixIdentity {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: ownId('identity', `organization|${producer.name}`),
    created: IDENTITY_CREATED,
    modified: IDENTITY_CREATED,
    name: producer.name,
    identity_class: 'organization',
  };
}

/**
 * An incident's observables as a STIX 2.1 bundle: our identity, the TLP 2.0 marking, and per observable
 * its SCO and an observed-data (first/last seen, alerts as number_observed); IPs, domains, URLs and hashes
 * also get an indicator (an equality pattern, valid from first seen) and a sighting of it by us, counting
 * the alerts. Users and (fully qualified) hosts are observed data only: they are what was attacked.
 *
 * Ids are UUIDv5: SCOs from their ID contributing properties in the STIX namespace, so any producer's
 * copy of the same address is the same object; the rest from the incident, the TLP and the observable in
 * our namespace, so exporting the same incident again gives the same bundle. The TLP is part of the name
 * because an object's markings are part of it: the same indicator shared as AMBER and as GREEN must be
 * two objects, not two versions that differ without a new `modified`. Each observable has its own
 * observed-data because `number_observed` counts every SCO it references (STIX 2.1 §4.14). Pure.
 */
export function buildStixBundle(incident: SharedIncident, producer: Producer, tlp: TlpLevel): StixBundle {
  const identity = producerIdentity(producer);
  const marking = tlpMarkingDefinition(tlp);
  const created = stixTime(incident.createdAt);
  const observables = inStableOrder(incident.observables);
  // A new alert changes counts and times: `modified` follows the latest of those, never goes back.
  const modified = latest(created, incident.updatedAt, ...observables.map((o) => o.lastSeen));
  const authored = (type: string, name: string): Authored => ({
    spec_version: '2.1',
    id: ownId(type, `${incident.id}|${tlp}|${name}`),
    created,
    modified,
    created_by_ref: identity.id,
    object_marking_refs: [marking.id],
  });

  const objects: StixObject[] = [identity, marking];
  const scos = new Set<string>();
  for (const observable of observables) {
    const stix = stixObservable(observable);
    if (!stix) continue;
    const key = `${observable.type}|${observable.value}`;
    const window = observedWindow(observable);
    if (!scos.has(stix.sco.id)) {
      scos.add(stix.sco.id);
      objects.push({ ...stix.sco, object_marking_refs: [marking.id] });
    }
    const observed: StixObservedData = {
      ...authored('observed-data', key),
      type: 'observed-data',
      first_observed: window.first,
      last_observed: window.last,
      number_observed: Math.min(Math.max(observable.sightings, 1), MAX_COUNT),
      object_refs: [stix.sco.id],
    };
    objects.push(observed);
    if (stix.pattern === undefined) continue;
    const indicator: StixIndicator = {
      ...authored('indicator', key),
      type: 'indicator',
      name: `${label(observable)} ${observable.value}`,
      description: `Seen in incident ${incident.ref} handled by ${producer.name}`,
      indicator_types: ['malicious-activity'],
      pattern: stix.pattern,
      pattern_type: 'stix',
      pattern_version: '2.1',
      valid_from: window.first,
    };
    const sighting: StixSighting = {
      ...authored('sighting', key),
      type: 'sighting',
      sighting_of_ref: indicator.id,
      observed_data_refs: [observed.id],
      where_sighted_refs: [identity.id],
      first_seen: window.first,
      last_seen: window.last,
      count: Math.min(observable.sightings, MAX_COUNT),
    };
    objects.push(indicator, sighting);
  }
  return { type: 'bundle', id: `bundle--${uuidV5(SOC_NAMESPACE, `bundle|${incident.id}|${tlp}|${modified}`)}`, objects };
}

/** First and last seen as STIX timestamps, the last never before the first (both MUST hold, §4.14, §5.2). */
function observedWindow(observable: SharedObservable): { first: string; last: string } {
  const first = stixTime(observable.firstSeen);
  const last = stixTime(observable.lastSeen);
  return { first, last: last < first ? first : last };
}

function label(observable: SharedObservable): string {
  switch (observable.type) {
    case 'ip':
      return 'Attacker address';
    case 'domain':
      return 'Malicious domain';
    case 'url':
      return 'Malicious URL';
    case 'hash':
      return 'Malicious file';
    default:
      return 'Observed';
  }
}
