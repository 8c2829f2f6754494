import type { Priority } from '@soc/shared';
import type { IncidentState, ObservableType } from '../pure';
import { SOC_NAMESPACE, uuidV5 } from './deterministic-ids';
import { producerIdentity } from './stix-bundle';
import { inStableOrder, latest, type Producer, type SharedIncident, type SharedObservable, stixTime } from './shared-incident';
import type { TlpLevel } from './tlp';

/**
 * The MISP core format (draft-dulaunoy-misp-core-format, https://datatracker.ietf.org/doc/draft-dulaunoy-misp-core-format/):
 * an Event with string-coded enumerations, Attributes with type/category/to_ids, Tags by name.
 */
export interface MispAttribute {
  uuid: string;
  type: 'ip-src' | 'ip-dst' | 'domain' | 'url' | 'md5' | 'sha1' | 'sha256' | 'sha512' | 'target-user' | 'hostname';
  category: 'Network activity' | 'Payload delivery' | 'Targeting data';
  value: string;
  /** Whether IDS/blocking tools should act on it: true for indicators, false for what was attacked. */
  to_ids: boolean;
  comment: string;
  /** "5": inherit the event's distribution. */
  distribution: '5';
  timestamp: string;
  first_seen: string;
  last_seen: string;
}

export interface MispEvent {
  Event: {
    uuid: string;
    info: string;
    /** YYYY-MM-DD of the first event. */
    date: string;
    /** "1" high, "2" medium, "3" low, "4" undefined. */
    threat_level_id: '1' | '2' | '3' | '4';
    /** "0" initial, "1" ongoing, "2" completed. */
    analysis: '0' | '1' | '2';
    /** "0" your organisation only, "1" this community only, "2" connected communities, "3" all communities. */
    distribution: '0' | '1' | '2' | '3';
    published: false;
    /** Seconds since the epoch of the last change, as a string. */
    timestamp: string;
    Orgc: { name: string; uuid: string };
    Attribute: MispAttribute[];
    Tag: Array<{ name: string }>;
  };
}

/** Our urgency P1–P4 onto MISP's threat level (P3 and P4 both read as low there). */
const THREAT_LEVEL: Readonly<Record<Priority, MispEvent['Event']['threat_level_id']>> = { P1: '1', P2: '2', P3: '3', P4: '3' };

/** The widest MISP distribution each TLP label allows (TLP:GREEN stays in the community; AMBER and RED within the organisation). */
const DISTRIBUTION: Readonly<Record<TlpLevel, MispEvent['Event']['distribution']>> = { clear: '3', green: '1', amber: '0', 'amber+strict': '0', red: '0' };

const HASH_TYPE: Readonly<Record<number, MispAttribute['type']>> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

/**
 * An incident's observables as a MISP event: attacker addresses as ip-src, domains, URLs and hashes as
 * IDS attributes; users (target-user) and hosts (hostname) as context with to_ids false. Tagged with the
 * MISP `tlp:` taxonomy label; uuids are UUIDv5 of the incident (and attribute), so a re-export is
 * the same event. Pure.
 */
export function buildMispEvent(incident: SharedIncident, producer: Producer, tlp: TlpLevel): MispEvent {
  const modified = latest(incident.createdAt, incident.updatedAt, ...incident.observables.map((o) => o.lastSeen));
  const timestamp = String(Math.floor(Date.parse(modified) / 1000));
  const attributes = inStableOrder(incident.observables)
    .map((observable) => attributeOf(incident, observable, timestamp))
    .filter((attribute): attribute is MispAttribute => attribute !== undefined);
  return {
    Event: {
      uuid: uuidV5(SOC_NAMESPACE, `misp-event|${incident.id}`),
      info: `${incident.ref}: ${incident.title}`,
      date: stixTime(incident.firstSeen).slice(0, 10),
      threat_level_id: THREAT_LEVEL[incident.priority],
      analysis: analysisOf(incident.state),
      distribution: DISTRIBUTION[tlp],
      published: false,
      timestamp,
      Orgc: { name: producer.name, uuid: producerIdentity(producer).id.slice('identity--'.length) },
      Attribute: attributes,
      Tag: [{ name: `tlp:${tlp}` }],
    },
  };
}

function analysisOf(state: IncidentState): MispEvent['Event']['analysis'] {
  if (state === 'new') return '0';
  return state === 'resolved' || state === 'closed' ? '2' : '1';
}

type Mapping = Pick<MispAttribute, 'type' | 'category' | 'to_ids' | 'comment'>;

function mappingOf(type: ObservableType, value: string): Mapping | undefined {
  switch (type) {
    case 'ip':
      return { type: 'ip-src', category: 'Network activity', to_ids: true, comment: 'Attacker address' };
    case 'domain':
      return { type: 'domain', category: 'Network activity', to_ids: true, comment: 'Malicious domain' };
    case 'url':
      return { type: 'url', category: 'Network activity', to_ids: true, comment: 'Malicious URL' };
    case 'hash': {
      const hashType = /^[0-9a-f]+$/i.test(value) ? HASH_TYPE[value.length] : undefined;
      return hashType ? { type: hashType, category: 'Payload delivery', to_ids: true, comment: 'Malicious file' } : undefined;
    }
    case 'user':
      return { type: 'target-user', category: 'Targeting data', to_ids: false, comment: 'Account targeted (not an indicator)' };
    case 'host':
      return { type: 'hostname', category: 'Network activity', to_ids: false, comment: 'Host attacked (not an indicator)' };
  }
}

function attributeOf(incident: SharedIncident, observable: SharedObservable, timestamp: string): MispAttribute | undefined {
  const mapping = mappingOf(observable.type, observable.value);
  if (!mapping) return undefined;
  const first = stixTime(observable.firstSeen);
  const last = stixTime(observable.lastSeen);
  return {
    uuid: uuidV5(SOC_NAMESPACE, `misp-attribute|${incident.id}|${observable.type}|${observable.value}`),
    ...mapping,
    value: mapping.type.startsWith('md5') || mapping.type.startsWith('sha') ? observable.value.toLowerCase() : observable.value,
    comment: `${mapping.comment}, ${observable.sightings} alert(s) in ${incident.ref}`,
    distribution: '5',
    timestamp,
    first_seen: first,
    last_seen: last < first ? first : last,
  };
}
