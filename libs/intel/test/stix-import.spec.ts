import { importStix, parseStixPattern } from '@soc/intel';

const indicator = (id: string, pattern: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${id}`,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  pattern,
  pattern_type: 'stix',
  valid_from: '2026-01-01T00:00:00Z',
  ...extra,
});
const bundle = (...objects: unknown[]) => JSON.stringify({ type: 'bundle', id: 'bundle--1', objects });
const summary = (text: string) => {
  const result = importStix(text);
  return {
    indicators: result.indicators.map((i) => [i.where, i.type, i.value, i.description ?? '-', i.validUntil?.toISOString() ?? '-'].join(' | ')),
    rejected: result.rejected.map((r) => `${r.where}: ${r.reason}`),
    ignored: result.ignored,
  };
};

describe('STIX pattern subset', () => {
  it('reads OR-joined observations and comparisons, with quoted path segments and escapes', () => {
    const parsed = parseStixPattern("([ipv4-addr:value = '203.0.113.5'] OR [domain-name:value = 'it\\'s.example' OR file:hashes.'SHA-256' = 'ab'])");
    expect(parsed).toEqual({
      ok: true,
      comparisons: [
        { path: 'ipv4-addr:value', objectType: 'ipv4-addr', properties: ['value'], value: '203.0.113.5' },
        { path: 'domain-name:value', objectType: 'domain-name', properties: ['value'], value: "it's.example" },
        { path: "file:hashes.'SHA-256'", objectType: 'file', properties: ['hashes', 'SHA-256'], value: 'ab' },
      ],
    });
  });

  it('refuses what is not a list of values, saying what', () => {
    const reason = (pattern: string) => {
      const result = parseStixPattern(pattern);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(reason("[ipv4-addr:value = '1.2.3.4' AND network-traffic:dst_port = 443]")).toMatch(/^AND is not supported/);
    expect(reason("[ipv4-addr:value = '1.2.3.4'] FOLLOWEDBY [domain-name:value = 'a.example']")).toMatch(/^FOLLOWEDBY is not supported/);
    expect(reason("[ipv4-addr:value = '1.2.3.4'] WITHIN 300 SECONDS")).toBe('qualifier WITHIN is not supported');
    expect(reason("[domain-name:value LIKE '%.example']")).toBe('operator LIKE is not supported (only =)');
    expect(reason("[ipv4-addr:value != '1.2.3.4']")).toBe('operator != is not supported (only =)');
    expect(reason("[ipv4-addr:value = '1.2.3.4'")).toMatch(/^pattern ends early/);
    expect(reason("[ipv4-addr:value = '1.2.3.4")).toMatch(/^unterminated string/);
    expect(reason("[file:created = t'2026-01-01T00:00:00Z']")).toMatch(/literals are not supported/);
    expect(reason("[network-traffic:extensions.'http-request-ext'.request_header[*] = 'x']")).toMatch(/list index/);
  });
});

describe('STIX 2.1 import', () => {
  it('takes each equality comparison of each indicator, with description (else name) and expiry', () => {
    const text = bundle(
      { type: 'identity', id: 'identity--1', name: 'NCSC' },
      indicator('a', "[ipv4-addr:value = '203.0.113.5'] OR [domain-name:value = 'Evil.Example']", { name: 'C2 of campaign X', valid_until: '2026-12-31T00:00:00Z' }),
      indicator('b', "[url:value = 'HTTP://dl.example:80/a.exe']", { name: 'n', description: 'dropper' }),
      indicator('c', "[file:hashes.'SHA-256' = '275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F'] OR [file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']"),
      indicator('d', "[ipv6-addr:value = '2001:db8:bad::/48'] OR [ipv4-addr:value = '198.51.100.0/24']"),
      { type: 'relationship', id: 'relationship--1', relationship_type: 'indicates' },
      { type: 'relationship', id: 'relationship--2', relationship_type: 'indicates' },
    );
    expect(summary(text)).toEqual({
      indicators: [
        'indicator--a | ip | 203.0.113.5 | C2 of campaign X | 2026-12-31T00:00:00.000Z',
        'indicator--a | domain | evil.example | C2 of campaign X | 2026-12-31T00:00:00.000Z',
        'indicator--b | url | http://dl.example/a.exe | dropper | -',
        'indicator--c | sha256 | 275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f | - | -',
        'indicator--c | md5 | 44d88612fea8a8f36de82e1278abb02f | - | -',
        'indicator--d | ip | 2001:db8:bad::/48 | - | -',
        'indicator--d | ip | 198.51.100.0/24 | - | -',
      ],
      rejected: [],
      ignored: { identity: 1, relationship: 2 },
    });
  });

  it('rejects revoked, non-STIX, unsupported and malformed indicators by id, and keeps usable comparisons of an OR', () => {
    const text = bundle(
      indicator('revoked', "[ipv4-addr:value = '203.0.113.5']", { revoked: true }),
      indicator('snort', 'alert tcp any any -> any any', { pattern_type: 'snort' }),
      indicator('and', "[ipv4-addr:value = '203.0.113.5' AND network-traffic:dst_port = 443]"),
      indicator('mixed', "[file:hashes.'SHA-512' = 'abcd'] OR [email-addr:value = 'a@evil.example'] OR [domain-name:value = 'ok.example']"),
      indicator('badvalue', "[ipv4-addr:value = '2001:db8::1'] OR [md5x:value = 'x'] OR [file:hashes.MD5 = 'xyz']"),
      indicator('expiry', "[domain-name:value = 'a.example']", { valid_until: 'soon' }),
      indicator('nopattern', undefined as unknown as string),
      { type: 'indicator', pattern: "[domain-name:value = 'anon.example']", pattern_type: 'stix' },
      'not an object',
      { id: 'x--1' },
    );
    const result = summary(text);
    expect(result.indicators).toEqual(['indicator--mixed | domain | ok.example | - | -', 'objects[7] | domain | anon.example | - | -']);
    expect(result.rejected).toEqual([
      'indicator--revoked: revoked',
      "indicator--snort: pattern_type 'snort' is not supported (only stix)",
      expect.stringMatching(/^indicator--and: pattern .*: AND is not supported/),
      "indicator--mixed: file:hashes.'SHA-512' = 'abcd': hash algorithm 'SHA-512' is not supported (MD5, SHA-1, SHA-256)",
      expect.stringMatching(/^indicator--mixed: email-addr:value = 'a@evil.example': object path not supported/),
      "indicator--badvalue: ipv4-addr:value: '2001:db8::1' is not an IPv4 address",
      expect.stringMatching(/^indicator--badvalue: md5x:value = 'x': object path not supported/),
      "indicator--badvalue: file:hashes.MD5: 'xyz' is not an MD5, SHA-1 or SHA-256 hash (32, 40 or 64 hex digits)",
      'indicator--expiry: valid_until "soon" is not a timestamp',
      'indicator--nopattern: no pattern',
      'objects[8]: not a JSON object',
      'x--1: object has no type',
    ]);
  });

  it('accepts STIX 2.0 indicators (no pattern_type), a lone indicator and an array of objects', () => {
    const v20 = { type: 'indicator', id: 'indicator--v20', labels: ['malicious-activity'], pattern: "[domain-name:value = 'old.example']" };
    expect(summary(JSON.stringify({ type: 'bundle', id: 'bundle--2', spec_version: '2.0', objects: [v20] })).indicators).toEqual(['indicator--v20 | domain | old.example | - | -']);
    expect(summary(JSON.stringify(v20)).indicators).toHaveLength(1);
    expect(summary(JSON.stringify([v20, v20])).indicators).toHaveLength(2);
  });

  it('answers a rejection, not an exception, for text that is not a bundle', () => {
    expect(summary('{"type": "bundle", ')).toEqual({ indicators: [], rejected: [expect.stringMatching(/^bundle: not JSON: /)], ignored: {} });
    expect(summary('42').rejected).toEqual(['bundle: not a STIX bundle: expected {"type": "bundle", "objects": [...]}']);
    expect(summary('{"type": "bundle", "id": "bundle--3", "objects": {}}').rejected).toEqual(['bundle--3: bundle.objects is not an array']);
    expect(summary('{"type": "bundle", "id": "bundle--4"}')).toEqual({ indicators: [], rejected: [], ignored: {} });
  });
});
