import { patternError } from './stix21-pattern';
import { type StixIssueCode, validateStixBundle } from './stix21-validator';

/** A small valid bundle written by hand (independent of our exporter), broken one rule at a time below. */
function validBundle(): { type: string; id: string; objects: Array<Record<string, unknown>> } {
  const identity = 'identity--0b6a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b';
  const amber = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
  const ip = 'ipv4-addr--826fe3cb-56b0-5620-9d30-4c17ed7b24e3';
  const common = { spec_version: '2.1', created: '2026-11-30T09:46:00.000Z', modified: '2026-11-30T10:00:00.000Z', created_by_ref: identity, object_marking_refs: [amber] };
  return {
    type: 'bundle',
    id: 'bundle--5d0a2f1e-9b8c-4d7e-a6f5-e4d3c2b1a098',
    objects: [
      { type: 'identity', spec_version: '2.1', id: identity, created: '2025-01-01T00:00:00.000Z', modified: '2025-01-01T00:00:00.000Z', name: 'SOC', identity_class: 'organization' },
      {
        type: 'marking-definition',
        spec_version: '2.1',
        id: amber,
        created: '2022-10-01T00:00:00.000Z',
        name: 'TLP:AMBER',
        extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber' } },
      },
      { type: 'ipv4-addr', spec_version: '2.1', id: ip, value: '203.0.113.5' },
      { type: 'user-account', spec_version: '2.1', id: 'user-account--9c1f0e2d-3b4a-5c6d-8e7f-a0b1c2d3e4f5', account_login: 'admin' },
      { ...common, type: 'observed-data', id: 'observed-data--1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d', first_observed: '2026-11-30T09:45:00.000Z', last_observed: '2026-11-30T09:59:00Z', number_observed: 4, object_refs: [ip] },
      { ...common, type: 'indicator', id: 'indicator--2b3c4d5e-6f7a-4b1c-8d2e-3f4a5b6c7d8e', pattern: "[ipv4-addr:value = '203.0.113.5']", pattern_type: 'stix', valid_from: '2026-11-30T09:45:00Z', indicator_types: ['malicious-activity'] },
      {
        ...common,
        type: 'sighting',
        id: 'sighting--3c4d5e6f-7a8b-4c2d-9e3f-4a5b6c7d8e9f',
        sighting_of_ref: 'indicator--2b3c4d5e-6f7a-4b1c-8d2e-3f4a5b6c7d8e',
        observed_data_refs: ['observed-data--1a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d'],
        where_sighted_refs: [identity],
        count: 4,
      },
    ],
  };
}

/** The codes of what the validator finds after `breakIt` changes one object of the valid bundle. */
function codesAfter(type: string, breakIt: (object: Record<string, unknown>) => void): StixIssueCode[] {
  const bundle = validBundle();
  breakIt(bundle.objects.find((o) => o.type === type)!);
  return validateStixBundle(bundle).map((i) => i.code);
}

describe('STIX 2.1 validator (our reading of the specification)', () => {
  it('accepts a well-formed bundle', () => {
    expect(validateStixBundle(validBundle())).toEqual([]);
  });

  it('rejects a missing required property', () => {
    expect(codesAfter('indicator', (o) => delete o.valid_from)).toEqual(['missing-property']);
    expect(codesAfter('identity', (o) => delete o.name)).toEqual(['missing-property']);
    expect(codesAfter('observed-data', (o) => delete o.object_refs)).toEqual(['missing-property']);
    expect(codesAfter('sighting', (o) => delete o.sighting_of_ref)).toEqual(['missing-property']);
    expect(codesAfter('indicator', (o) => delete o.spec_version)).toEqual(['missing-property']);
    expect(codesAfter('ipv4-addr', (o) => delete o.value)).toEqual(['missing-property']);
  });

  it('rejects bad ids', () => {
    expect(codesAfter('indicator', (o) => (o.id = 'indicator--1'))).toEqual(['bad-id', 'dangling-ref']);
    expect(codesAfter('identity', (o) => (o.id = 'indicator--0b6a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b'))).toContain('bad-id');
    const bundle = validBundle();
    bundle.id = 'bundle--not-a-uuid';
    expect(validateStixBundle(bundle).map((i) => i.where)).toEqual(['bundle.id']);
  });

  it('rejects bad timestamps: not RFC 3339 UTC, not a real date, created without milliseconds, time running backwards', () => {
    expect(codesAfter('indicator', (o) => (o.valid_from = '2026-11-30 09:45:00'))).toEqual(['bad-timestamp']);
    expect(codesAfter('indicator', (o) => (o.valid_from = '2026-11-30T09:45:00+07:00'))).toEqual(['bad-timestamp']);
    expect(codesAfter('indicator', (o) => (o.valid_from = '2026-02-30T09:45:00Z'))).toEqual(['bad-timestamp']);
    expect(codesAfter('indicator', (o) => (o.created = '2026-11-30T09:46:00Z'))).toEqual(['bad-timestamp']);
    expect(codesAfter('observed-data', (o) => (o.last_observed = '2026-11-30T09:00:00Z'))).toEqual(['bad-timestamp']);
    expect(codesAfter('indicator', (o) => (o.modified = '2026-11-29T00:00:00.000Z'))).toEqual(['bad-timestamp']);
  });

  it('rejects references to objects that are not in the bundle', () => {
    expect(codesAfter('sighting', (o) => (o.observed_data_refs = ['observed-data--9a2b3c4d-5e6f-4a0b-9c1d-2e3f4a5b6c7d']))).toEqual(['dangling-ref']);
    expect(codesAfter('indicator', (o) => (o.object_marking_refs = ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1']))).toEqual(['dangling-ref']);
  });

  it('rejects references to objects of the wrong type', () => {
    expect(codesAfter('sighting', (o) => (o.where_sighted_refs = ['ipv4-addr--826fe3cb-56b0-5620-9d30-4c17ed7b24e3']))).toEqual(['wrong-ref-type']);
    expect(codesAfter('sighting', (o) => (o.sighting_of_ref = 'ipv4-addr--826fe3cb-56b0-5620-9d30-4c17ed7b24e3'))).toEqual(['wrong-ref-type']);
    expect(codesAfter('indicator', (o) => (o.created_by_ref = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'))).toEqual(['wrong-ref-type']);
    expect(codesAfter('observed-data', (o) => (o.object_refs = ['identity--0b6a1b2c-3d4e-4f50-8a6b-7c8d9e0f1a2b']))).toEqual(['wrong-ref-type', 'bad-value']);
  });

  it('rejects bad patterns', () => {
    expect(codesAfter('indicator', (o) => (o.pattern = "ipv4-addr:value = '203.0.113.5'"))).toEqual(['bad-pattern']);
    expect(codesAfter('indicator', (o) => (o.pattern = "[url:value = 'http://x/a'b']"))).toEqual(['bad-pattern']);
    expect(codesAfter('indicator', (o) => (o.pattern = "[url:value = 'a\\nb']"))).toEqual(['bad-pattern']);
    expect(codesAfter('indicator', (o) => (o.pattern = "[IPv4:value = '1.2.3.4']"))).toEqual(['bad-pattern']);
  });

  it('rejects out-of-range counts, empty lists, a tampered TLP marking and unknown types', () => {
    expect(codesAfter('observed-data', (o) => (o.number_observed = 0))).toEqual(['bad-value']);
    expect(codesAfter('sighting', (o) => (o.count = 1_000_000_000))).toEqual(['bad-value']);
    expect(codesAfter('indicator', (o) => (o.indicator_types = []))).toEqual(['bad-value']);
    expect(codesAfter('marking-definition', (o) => (o.name = 'TLP:GREEN'))).toEqual(['bad-value']);
    expect(codesAfter('user-account', (o) => (o.type = 'x-account'))).toEqual(['bad-id', 'unknown-type']);
    expect(codesAfter('ipv4-addr', (o) => (o.created = '2026-11-30T09:46:00.000Z'))).toEqual(['bad-value']);
  });

  it('reads the pattern grammar beyond equality: qualifiers, sets, AND/OR/FOLLOWEDBY, typed literals', () => {
    expect(patternError("[file:hashes.'SHA-256' = 'ab' AND file:size > 10] FOLLOWEDBY [ipv4-addr:value IN ('1.2.3.4', '5.6.7.8')] WITHIN 300 SECONDS")).toBeUndefined();
    expect(patternError("([network-traffic:dst_port = 443] OR [x-custom:values[*].name NOT LIKE 'a%']) START t'2026-01-01T00:00:00Z' STOP t'2026-02-01T00:00:00Z'")).toBeUndefined();
    expect(patternError("[file:hashes.MD5 = h'0a']")).toBeUndefined();
    expect(patternError("[file:name = 'a'] WITHIN SECONDS")).toMatch(/expected a number/);
    expect(patternError("[file:name = 'a'")).toMatch(/expected '\]'/);
    expect(patternError("[file:name == 'a']")).toBeDefined();
  });
});
