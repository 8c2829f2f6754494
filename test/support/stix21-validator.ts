import { patternError } from './stix21-pattern';

/**
 * A validator of the STIX 2.1 rules our exports rely on, written from the specification text (STIX
 * Version 2.1, OASIS Standard with Errata 01, https://docs.oasis-open.org/cti/stix/v2.1/stix-v2.1.html):
 * §2.9 identifiers, §2.12 non-empty lists, §2.16 timestamps, §3.2 common properties, §4.5 identity,
 * §4.7 indicator, §4.14 observed-data, §5.2 sighting, §6 the SCOs we emit, §7.2 marking definitions,
 * §8 bundle, §9 pattern grammar (see stix21-pattern.ts), and the TLP 2.0 marking extension.
 *
 * It is OUR READING of the specification, not the OASIS JSON schemas (which are not available here),
 * and it only knows the object types we produce. It is also stricter than STIX in one place: every
 * reference must resolve to an object in the same bundle (our exports are meant to stand alone).
 * Test support only.
 */
export type StixIssueCode =
  | 'not-object'
  | 'missing-property'
  | 'bad-id'
  | 'bad-timestamp'
  | 'bad-value'
  | 'dangling-ref'
  | 'wrong-ref-type'
  | 'bad-pattern'
  | 'duplicate-id'
  | 'unknown-type';

export interface StixIssue {
  code: StixIssueCode;
  /** The object id (or `objects[3]`, `bundle`) and property concerned. */
  where: string;
  message: string;
}

type Json = Record<string, unknown>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const MAX_COUNT = 999_999_999;
const SDO_TYPES = new Set(['attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator', 'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data', 'opinion', 'report', 'threat-actor', 'tool', 'vulnerability']);
const SRO_TYPES = new Set(['relationship', 'sighting']);
/** The SCOs we emit, with the properties one of which MUST be present (§6). */
const SCO_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'domain-name': ['value'],
  url: ['value'],
  file: ['hashes', 'name'],
  'user-account': [],
};
/** TLP 2.0 marking definitions as published by the OASIS CTI TC (cti-stix-common-objects, tlp-2.0). */
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP2: Readonly<Record<string, { name: string; level: string }>> = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': { name: 'TLP:CLEAR', level: 'clear' },
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': { name: 'TLP:GREEN', level: 'green' },
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': { name: 'TLP:AMBER', level: 'amber' },
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': { name: 'TLP:AMBER+STRICT', level: 'amber+strict' },
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': { name: 'TLP:RED', level: 'red' },
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOfId = (id: string) => id.slice(0, id.indexOf('--'));

/** Every rule the bundle breaks; an empty list when it passes. */
export function validateStixBundle(bundle: unknown): StixIssue[] {
  const issues: StixIssue[] = [];
  const issue = (code: StixIssueCode, where: string, message: string) => issues.push({ code, where, message });
  if (!isObject(bundle)) return [{ code: 'not-object', where: 'bundle', message: 'a bundle is a JSON object' }];
  if (bundle.type !== 'bundle') issue('bad-value', 'bundle.type', "must be 'bundle'");
  if (typeof bundle.id !== 'string' || !new RegExp(`^bundle--${UUID}$`).test(bundle.id)) issue('bad-id', 'bundle.id', `'${String(bundle.id)}' is not bundle--<RFC 4122 UUID>`);
  if ('spec_version' in bundle) issue('bad-value', 'bundle.spec_version', 'a STIX 2.1 bundle has no spec_version (that was STIX 2.0)');
  if (bundle.objects === undefined) return issues;
  if (!Array.isArray(bundle.objects) || bundle.objects.length === 0) {
    issue('bad-value', 'bundle.objects', 'must be a non-empty list when present');
    return issues;
  }
  const byId = new Map<string, Json>();
  bundle.objects.forEach((object: unknown, index) => {
    if (!isObject(object)) return void issue('not-object', `objects[${index}]`, 'not a JSON object');
    const id = typeof object.id === 'string' ? object.id : `objects[${index}]`;
    if (typeof object.id === 'string' && byId.has(id) && !isVersionOf(byId.get(id)!, object)) issue('duplicate-id', id, 'two objects with this id (and the same modified, for versioned objects)');
    if (typeof object.id === 'string') byId.set(id, object);
  });
  for (const object of bundle.objects) if (isObject(object)) new ObjectCheck(object, byId, issue).run();
  return issues;
}

function isVersionOf(a: Json, b: Json): boolean {
  return a.modified !== undefined && b.modified !== undefined && a.modified !== b.modified;
}

type Report = (code: StixIssueCode, where: string, message: string) => void;

class ObjectCheck {
  private readonly where: string;
  constructor(
    private readonly object: Json,
    private readonly byId: Map<string, Json>,
    private readonly report: Report,
  ) {
    this.where = typeof object.id === 'string' ? object.id : String(object.type);
  }

  run(): void {
    const type = this.object.type;
    if (typeof type !== 'string' || !/^[a-z][a-z0-9-]{2,249}$/.test(type)) return this.issue('bad-value', 'type', 'must be a lower-case type name of 3–250 characters');
    if (typeof this.object.id !== 'string' || !new RegExp(`^${type}--${UUID}$`).test(this.object.id)) this.issue('bad-id', 'id', `'${String(this.object.id)}' is not ${type}--<RFC 4122 UUID>`);
    const sco = type in SCO_REQUIRED;
    if (sco ? this.object.spec_version !== undefined && this.object.spec_version !== '2.1' : this.object.spec_version !== '2.1') this.issue(this.object.spec_version === undefined ? 'missing-property' : 'bad-value', 'spec_version', "must be '2.1'");
    this.lists();
    this.commonRefs();
    if (sco) return this.sco(type);
    switch (type) {
      case 'marking-definition':
        return this.markingDefinition();
      case 'identity':
        this.versioned();
        return void this.string('name');
      case 'indicator':
        return this.indicator();
      case 'observed-data':
        return this.observedData();
      case 'sighting':
        return this.sighting();
      default:
        return this.issue('unknown-type', 'type', `'${type}' is not a type this validator knows (it covers the objects our exports use)`);
    }
  }

  private versioned(): void {
    const created = this.timestamp('created', true, true);
    const modified = this.timestamp('modified', true, true);
    if (created && modified && modified < created) this.issue('bad-timestamp', 'modified', 'is earlier than created');
  }

  private markingDefinition(): void {
    this.timestamp('created', true, true);
    if ('modified' in this.object) this.issue('bad-value', 'modified', 'marking definitions are not versioned');
    const extensions = this.object.extensions;
    if (!isObject(extensions)) {
      this.present('definition_type');
      this.present('definition');
      return;
    }
    const tlp = extensions[TLP2_EXTENSION];
    if (tlp === undefined) return;
    const published = TLP2[String(this.object.id)];
    if (!published) return this.issue('bad-value', 'id', 'a TLP 2.0 marking must use one of the published ids');
    if (this.object.name !== published.name) this.issue('bad-value', 'name', `must be '${published.name}'`);
    if (!isObject(tlp) || tlp.extension_type !== 'property-extension' || tlp.tlp_2_0 !== published.level) this.issue('bad-value', `extensions.${TLP2_EXTENSION}`, `must be {extension_type: 'property-extension', tlp_2_0: '${published.level}'}`);
  }

  private indicator(): void {
    this.versioned();
    const pattern = this.string('pattern');
    const patternType = this.string('pattern_type');
    const validFrom = this.timestamp('valid_from', true, false);
    const validUntil = this.timestamp('valid_until', false, false);
    if (validFrom && validUntil && !(validUntil > validFrom)) this.issue('bad-timestamp', 'valid_until', 'must be later than valid_from');
    if (pattern !== undefined && patternType === 'stix') {
      const error = patternError(pattern);
      if (error) this.issue('bad-pattern', 'pattern', error);
    }
  }

  private observedData(): void {
    this.versioned();
    const first = this.timestamp('first_observed', true, false);
    const last = this.timestamp('last_observed', true, false);
    if (first && last && last < first) this.issue('bad-timestamp', 'last_observed', 'is earlier than first_observed');
    this.count('number_observed', 1, true);
    const hasObjects = 'objects' in this.object;
    const hasRefs = 'object_refs' in this.object;
    if (hasObjects === hasRefs) this.issue(hasObjects ? 'bad-value' : 'missing-property', 'object_refs', 'exactly one of objects (deprecated) and object_refs must be present');
    const refs = this.object.object_refs;
    if (Array.isArray(refs)) {
      this.refs('object_refs', (type) => type in SCO_REQUIRED || SRO_TYPES.has(type), 'an SCO or SRO');
      if (!refs.some((ref) => typeof ref === 'string' && typeOfId(ref) in SCO_REQUIRED)) this.issue('bad-value', 'object_refs', 'must reference at least one SCO');
    }
  }

  private sighting(): void {
    this.versioned();
    this.present('sighting_of_ref');
    this.ref('sighting_of_ref', (type) => SDO_TYPES.has(type), 'an SDO');
    this.refs('observed_data_refs', (type) => type === 'observed-data', 'observed-data');
    this.refs('where_sighted_refs', (type) => type === 'identity' || type === 'location', 'identity or location');
    const first = this.timestamp('first_seen', false, false);
    const last = this.timestamp('last_seen', false, false);
    if (first && last && last < first) this.issue('bad-timestamp', 'last_seen', 'is earlier than first_seen');
    this.count('count', 0, false);
  }

  private sco(type: string): void {
    for (const versioning of ['created', 'modified']) if (versioning in this.object) this.issue('bad-value', versioning, 'SCOs are not versioned');
    const required = SCO_REQUIRED[type]!;
    if (required.length > 0 && !required.some((name) => name in this.object)) this.issue('missing-property', required.join(' or '), `a ${type} needs ${required.join(' or ')}`);
    if ('value' in this.object) this.string('value');
    if (type === 'ipv4-addr' && typeof this.object.value === 'string' && !/^(\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?$/.test(this.object.value)) this.issue('bad-value', 'value', 'is not an IPv4 address or CIDR');
    if (type === 'ipv6-addr' && typeof this.object.value === 'string' && !this.object.value.includes(':')) this.issue('bad-value', 'value', 'is not an IPv6 address');
    if ('hashes' in this.object) {
      const hashes = this.object.hashes;
      if (!isObject(hashes) || Object.keys(hashes).length === 0) return this.issue('bad-value', 'hashes', 'must be a non-empty dictionary');
      for (const [algorithm, value] of Object.entries(hashes)) {
        if (!/^[A-Za-z0-9_-]{3,250}$/.test(algorithm) || typeof value !== 'string' || value === '') this.issue('bad-value', `hashes.${algorithm}`, 'hash keys are 3–250 of [A-Za-z0-9_-], values non-empty strings');
      }
    }
  }

  /** created_by_ref → identity; object_marking_refs → marking-definition (§3.2). */
  private commonRefs(): void {
    this.ref('created_by_ref', (type) => type === 'identity', 'identity');
    this.refs('object_marking_refs', (type) => type === 'marking-definition', 'marking-definition');
  }

  /** Every list property has at least one value (§2.12). */
  private lists(): void {
    for (const [name, value] of Object.entries(this.object)) if (Array.isArray(value) && value.length === 0) this.issue('bad-value', name, 'empty lists are prohibited');
  }

  private ref(name: string, allowed: (type: string) => boolean, what: string): void {
    const value = this.object[name];
    if (value === undefined) return;
    if (typeof value !== 'string' || !new RegExp(`^[a-z0-9-]+--${UUID}$`).test(value)) return this.issue('bad-id', name, `${JSON.stringify(value)} is not an identifier`);
    const target = this.byId.get(value);
    if (!target) return this.issue('dangling-ref', name, `${value} is not in the bundle`);
    if (!allowed(String(target.type))) this.issue('wrong-ref-type', name, `${value} is a ${String(target.type)}, not ${what}`);
  }

  private refs(name: string, allowed: (type: string) => boolean, what: string): void {
    const value = this.object[name];
    if (value === undefined) return;
    if (!Array.isArray(value)) return this.issue('bad-value', name, 'must be a list of identifiers');
    for (const ref of value as unknown[]) {
      const single = new ObjectCheck({ id: this.object.id, type: this.object.type, [name]: ref }, this.byId, this.report);
      single.ref(name, allowed, what);
    }
  }

  private present(name: string): void {
    if (this.object[name] === undefined) this.issue('missing-property', name, 'is required');
  }

  private string(name: string): string | undefined {
    const value = this.object[name];
    if (value === undefined) return void this.issue('missing-property', name, 'is required');
    if (typeof value !== 'string' || value === '') return void this.issue('bad-value', name, 'must be a non-empty string');
    return value;
  }

  /** §2.16: YYYY-MM-DDTHH:mm:ss[.s+]Z, a real instant; created/modified need millisecond precision (§3.2). Returns it comparable. */
  private timestamp(name: string, required: boolean, milliseconds: boolean): string | undefined {
    const value = this.object[name];
    if (value === undefined) return required ? void this.issue('missing-property', name, 'is required') : undefined;
    const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
    if (!match) return void this.issue('bad-timestamp', name, `${JSON.stringify(value)} is not YYYY-MM-DDTHH:mm:ss[.s+]Z`);
    const [, year, month, day, hour, minute, second, fraction] = match;
    const date = new Date(Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!));
    if (date.getUTCMonth() !== +month! - 1 || date.getUTCDate() !== +day! || +hour! > 23 || +minute! > 59 || +second! > 60) return void this.issue('bad-timestamp', name, `${JSON.stringify(value)} is not a real date and time`);
    if (milliseconds && (fraction ?? '').length < 4) return void this.issue('bad-timestamp', name, 'must be precise to at least the millisecond');
    return `${match[0].slice(0, 19)}${(fraction ?? '.').padEnd(10, '0')}`;
  }

  private count(name: string, min: number, required: boolean): void {
    const value = this.object[name];
    if (value === undefined) return required ? this.issue('missing-property', name, 'is required') : undefined;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > MAX_COUNT) this.issue('bad-value', name, `must be an integer from ${min} to ${MAX_COUNT}`);
  }

  private issue(code: StixIssueCode, property: string, message: string): void {
    this.report(code, `${this.where}.${property}`, message);
  }
}
