import { importStix } from '@soc/intel';
import { buildStixBundle, canonicalJson, parseTlp, patternString, scoId, type StixObject, tlpMarkingDefinition, uuidV5 } from '../../src/sharing';
import { validateStixBundle } from '../../../../test/support/stix21-validator';
import { INCIDENT, PRODUCER } from './fixtures';

const ofType = <T extends StixObject['type']>(objects: StixObject[], type: T) => objects.filter((o) => o.type === type) as Array<Extract<StixObject, { type: T }>>;

describe('deterministic ids', () => {
  it('computes UUIDv5 as RFC 4122 does (its DNS-namespace example value)', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('gives SCOs the ids printed in the STIX 2.1 specification examples (UUIDv5 of the JCS of the ID contributing properties)', () => {
    expect(scoId('ipv4-addr', { value: '203.0.113.1' })).toBe('ipv4-addr--ad74bc22-43d2-52ed-890e-7d382f58e1eb');
    expect(scoId('ipv4-addr', { value: '203.0.113.5' })).toBe('ipv4-addr--826fe3cb-56b0-5620-9d30-4c17ed7b24e3');
    expect(scoId('domain-name', { value: 'example.com' })).toBe('domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7');
  });

  it('canonicalises JSON with sorted members and no white space (RFC 8785)', () => {
    expect(canonicalJson({ b: 'x"y', a: { d: 1, c: [true, null] } })).toBe('{"a":{"c":[true,null],"d":1},"b":"x\\"y"}');
  });
});

describe('STIX patterns and TLP labels', () => {
  it("escapes quotes and backslashes in string literals, and nothing else", () => {
    expect(patternString("a'b\\c")).toBe("'a\\'b\\\\c'");
    expect(patternString('plain é')).toBe("'plain é'");
  });

  it('reads TLP labels leniently: case, a tlp: prefix, amber+strict arriving as "amber strict"', () => {
    expect(parseTlp('AMBER')).toBe('amber');
    expect(parseTlp('tlp:green')).toBe('green');
    expect(parseTlp('amber strict')).toBe('amber+strict');
    expect(parseTlp('white')).toBeUndefined();
  });

  it('reproduces the published TLP 2.0 marking definitions', () => {
    expect(tlpMarkingDefinition('amber+strict')).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    });
    expect(tlpMarkingDefinition('clear').id).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarkingDefinition('red').name).toBe('TLP:RED');
  });
});

describe('buildStixBundle', () => {
  const bundle = buildStixBundle(INCIDENT, PRODUCER, 'amber');
  const { objects } = bundle;

  it('is a valid STIX 2.1 bundle by our validator, with spec_version on every object', () => {
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);
    expect(objects.every((o) => o.spec_version === '2.1')).toBe(true);
  });

  it('names our organisation and marks everything it authors with the chosen TLP', () => {
    const [identity] = ofType(objects, 'identity');
    expect(identity).toMatchObject({ name: PRODUCER.name, identity_class: 'organization' });
    expect(ofType(objects, 'marking-definition').map((m) => m.name)).toEqual(['TLP:AMBER']);
    for (const object of objects.filter((o) => o.type !== 'identity' && o.type !== 'marking-definition')) {
      expect(object).toMatchObject({ object_marking_refs: ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'] });
    }
  });

  it('makes indicators only of IPs, domains, URLs and hashes, with escaped patterns valid from first seen', () => {
    const indicators = ofType(objects, 'indicator');
    expect(indicators.map((i) => i.pattern).sort()).toEqual(
      [
        "[domain-name:value = 'c2.evil.example']",
        "[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f']",
        "[ipv4-addr:value = '203.0.113.7']",
        "[ipv6-addr:value = '2001:db8::66']",
        "[url:value = 'http://dl.evil.example/a\\'b\\\\c.exe']",
      ].sort(),
    );
    const ip = indicators.find((i) => i.pattern.includes('203.0.113.7'))!;
    expect(ip).toMatchObject({ pattern_type: 'stix', indicator_types: ['malicious-activity'], valid_from: '2026-11-30T09:45:00.000Z', created_by_ref: ofType(objects, 'identity')[0]!.id });
    expect(ofType(objects, 'indicator').find((i) => i.pattern.startsWith('[domain'))!.valid_from).toBe('2026-11-30T09:50:00.000Z');
  });

  it('keeps users and fully qualified hosts as observed data only; single-label host names have no SCO', () => {
    const scos = objects.filter((o) => ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'file', 'user-account'].includes(o.type));
    expect(scos.map((s) => s.type).sort()).toEqual(['domain-name', 'domain-name', 'file', 'ipv4-addr', 'ipv6-addr', 'url', 'user-account']);
    expect(scos.find((s) => s.type === 'user-account')).toMatchObject({ account_login: 'admin', id: scoId('user-account', { account_login: 'admin' }) });
    expect(scos.find((s) => s.type === 'file')).toMatchObject({ hashes: { 'SHA-256': '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' } });
    expect(JSON.stringify(objects)).not.toContain('his-web01');
    expect(ofType(objects, 'observed-data')).toHaveLength(7);
    expect(ofType(objects, 'indicator').some((i) => i.pattern.includes('admin') || i.pattern.includes('mail.so-a'))).toBe(false);
  });

  it('ties each indicator to a sighting by us of its observed data, counting the alerts', () => {
    const observed = new Map(ofType(objects, 'observed-data').map((o) => [o.id, o]));
    const identity = ofType(objects, 'identity')[0]!;
    const ip = ofType(objects, 'indicator').find((i) => i.pattern.includes('203.0.113.7'))!;
    const sighting = ofType(objects, 'sighting').find((s) => s.sighting_of_ref === ip.id)!;
    expect(sighting).toMatchObject({ where_sighted_refs: [identity.id], count: 4, first_seen: '2026-11-30T09:45:00.000Z', last_seen: '2026-11-30T09:59:00.000Z' });
    const evidence = observed.get(sighting.observed_data_refs[0]!)!;
    expect(evidence).toMatchObject({ object_refs: [scoId('ipv4-addr', { value: '203.0.113.7' })], number_observed: 4, first_observed: '2026-11-30T09:45:00.000Z', last_observed: '2026-11-30T09:59:00.000Z' });
    expect(ofType(objects, 'sighting')).toHaveLength(5);
  });

  it('is stable: the same incident gives the same bundle; another TLP gives other objects but the same SCOs', () => {
    expect(buildStixBundle(INCIDENT, PRODUCER, 'amber')).toEqual(bundle);
    const green = buildStixBundle(INCIDENT, PRODUCER, 'green');
    expect(green.id).not.toBe(bundle.id);
    expect(ofType(green.objects, 'indicator')[0]!.id).not.toBe(ofType(objects, 'indicator')[0]!.id);
    const ipv4 = (all: StixObject[]) => all.find((o) => o.type === 'ipv4-addr')!.id;
    expect(ipv4(green.objects)).toBe(ipv4(objects));
    expect(ofType(green.objects, 'identity')[0]!.id).toBe(ofType(objects, 'identity')[0]!.id);
  });

  it('moves modified (never ids) forward when the incident changes', () => {
    const later = buildStixBundle({ ...INCIDENT, updatedAt: '2026-12-01T00:00:00.000Z' }, PRODUCER, 'amber');
    expect(ofType(later.objects, 'indicator')[0]!.id).toBe(ofType(objects, 'indicator')[0]!.id);
    expect(ofType(later.objects, 'indicator')[0]!.modified).toBe('2026-12-01T00:00:00.000Z');
    expect(ofType(objects, 'indicator')[0]!.created).toBe('2026-11-30T09:46:00.000Z');
  });

  it('is read back by the threat-intel STIX importer: one indicator per IP, domain, URL and hash', () => {
    const imported = importStix(JSON.stringify(bundle));
    expect(imported.rejected).toEqual([]);
    expect(imported.indicators.map((i) => `${i.type} ${i.value}`).sort()).toEqual(
      ['domain c2.evil.example', 'ip 2001:db8::66', 'ip 203.0.113.7', "url http://dl.evil.example/a'b\\c.exe", 'sha256 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'].sort(),
    );
  });

  it('exports an incident without observables as just our identity and the marking', () => {
    const empty = buildStixBundle({ ...INCIDENT, observables: [] }, PRODUCER, 'red');
    expect(empty.objects.map((o) => o.type)).toEqual(['identity', 'marking-definition']);
    expect(validateStixBundle(empty)).toEqual([]);
  });
});
