import { type Indicator, IntelIndex } from '@soc/intel';
import type { SecurityEvent } from '@soc/parsers';

const NOW = new Date('2026-03-01T00:00:00Z');

const indicator = (type: Indicator['type'], value: string, extra: Partial<Indicator> = {}): Indicator => ({
  listId: 'feed',
  listName: 'Feed',
  type,
  value,
  severity: 'high',
  description: null,
  ...extra,
});

const event = (parts: Partial<SecurityEvent>): SecurityEvent => ({
  '@timestamp': '2026-03-01T00:00:00Z',
  event: { kind: 'event', ingested: '', original: 'x' },
  soc: { source_id: 's', transport: 'http' },
  ...parts,
});

/** `field=value (indicator)` for each hit, for readable expectations. */
const hits = (index: IntelIndex, e: SecurityEvent, now = NOW) => index.matches(e, now).map((h) => `${h.field}=${h.value} (${h.indicator.listId}:${h.indicator.value})`);

describe('IntelIndex.matches', () => {
  const index = new IntelIndex([
    indicator('ip', '203.0.113.5'),
    indicator('ip', '198.51.100.0/24'),
    indicator('ip', '198.51.0.0/16', { listId: 'wide' }),
    indicator('ip', '2001:db8:bad::/48'),
    indicator('domain', 'evil.example'),
    indicator('domain', 'Tracker.Bad.Example.'),
    indicator('url', 'HTTP://Dl.Example:80/payload.exe#x'),
    indicator('url', 'https://dl.example/kit.zip'),
    indicator('md5', '44D88612FEA8A8F36DE82E1278ABB02F'),
    indicator('sha256', '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f'),
    indicator('sha1', '3395856ce81f2b7382dee72602f798b642f14140'),
  ]);

  it('counts what it holds', () => {
    expect(index.size).toBe(11);
    expect(index.skipped).toBe(0);
  });

  it('matches addresses on source.ip, destination.ip and host.ip, including inside CIDR networks', () => {
    expect(hits(index, event({ source: { ip: '203.0.113.5' } }))).toEqual(['source.ip=203.0.113.5 (feed:203.0.113.5)']);
    expect(hits(index, event({ destination: { ip: '2001:db8:bad:1::7' } }))).toEqual(['destination.ip=2001:db8:bad:1::7 (feed:2001:db8:bad::/48)']);
    expect(hits(index, event({ host: { ip: ['10.0.0.1', '203.0.113.5', '203.0.113.5'] } }))).toEqual(['host.ip=203.0.113.5 (feed:203.0.113.5)']);
    expect(hits(index, event({ source: { ip: '::ffff:203.0.113.5' } }))).toEqual(['source.ip=::ffff:203.0.113.5 (feed:203.0.113.5)']);
  });

  it('reports every covering network, not only the most specific one', () => {
    expect(hits(index, event({ destination: { ip: '198.51.100.20' } }))).toEqual([
      'destination.ip=198.51.100.20 (feed:198.51.100.0/24)',
      'destination.ip=198.51.100.20 (wide:198.51.0.0/16)',
    ]);
    expect(hits(index, event({ destination: { ip: '198.51.7.1' } }))).toEqual(['destination.ip=198.51.7.1 (wide:198.51.0.0/16)']);
  });

  it('does not match other addresses, or values that are not addresses', () => {
    expect(hits(index, event({ source: { ip: '203.0.113.6' }, destination: { ip: '198.50.255.255' }, host: { ip: ['2001:db8:bae::1', 'web01'] } }))).toEqual([]);
  });

  it('matches domains and their subdomains on url.domain, destination.domain and dns.question.name, case-insensitively', () => {
    expect(hits(index, event({ url: { domain: 'EVIL.example' } }))).toEqual(['url.domain=EVIL.example (feed:evil.example)']);
    expect(hits(index, event({ destination: { domain: 'a.b.evil.example.' } }))).toEqual(['destination.domain=a.b.evil.example. (feed:evil.example)']);
    expect(hits(index, event({ dns: { question: { name: 'x.tracker.bad.example' } } }))).toEqual(['dns.question.name=x.tracker.bad.example (feed:tracker.bad.example)']);
  });

  it('does not match parents, look-alikes or mere suffixes of a listed domain', () => {
    for (const name of ['example', 'bad.example', 'notevil.example', 'evil.example.com', 'evil-example', 'tracker.bad.example.org']) {
      expect(hits(index, event({ url: { domain: name }, dns: { question: { name } } }))).toEqual([]);
    }
  });

  it('matches an address in a host-name field against address indicators', () => {
    expect(hits(index, event({ url: { domain: '203.0.113.5' } }))).toEqual(['url.domain=203.0.113.5 (feed:203.0.113.5)']);
  });

  it('matches URLs after normalisation, in absolute, origin and scheme-less form', () => {
    expect(hits(index, event({ url: { original: 'http://DL.example/payload.exe', domain: 'DL.example' } }))).toEqual(['url.original=http://DL.example/payload.exe (feed:http://dl.example/payload.exe)']);
    // A web server or firewall logging the path only, with the host separately.
    expect(hits(index, event({ url: { original: '/payload.exe', domain: 'dl.example' } }))).toEqual(['url.original=http://dl.example/payload.exe (feed:http://dl.example/payload.exe)']);
    expect(hits(index, event({ url: { original: '/kit.zip', domain: 'dl.example', port: 443 } }))).toEqual(['url.original=https://dl.example/kit.zip (feed:https://dl.example/kit.zip)']);
    expect(hits(index, event({ url: { original: '/kit.zip', domain: 'dl.example', scheme: 'http' } }))).toEqual([]);
    // PAN-OS logs host/path without a scheme.
    expect(hits(index, event({ url: { original: 'dl.example/kit.zip' } }))).toEqual(['url.original=dl.example/kit.zip (feed:https://dl.example/kit.zip)']);
  });

  it('does not match other paths, queries or case of the path', () => {
    for (const original of ['http://dl.example/payload.exe?x=1', 'http://dl.example/PAYLOAD.exe', 'https://dl.example/payload.exe', 'http://dl.example:8080/payload.exe']) {
      expect(hits(index, event({ url: { original, domain: 'dl.example' } }))).toEqual([]);
    }
  });

  it("matches a URL's host against domains when the event names no url.domain", () => {
    expect(hits(index, event({ url: { original: 'https://cdn.evil.example/a.js' } }))).toEqual(['url.original=cdn.evil.example (feed:evil.example)']);
    expect(hits(index, event({ url: { original: 'http://203.0.113.5:8080/x' } }))).toEqual(['url.original=203.0.113.5 (feed:203.0.113.5)']);
  });

  it('matches file hashes of any case under file.hash.*, and not other hashes', () => {
    expect(hits(index, event({ file: { hash: { md5: '44d88612fea8a8f36de82e1278abb02f', sha256: '275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F' } } }))).toEqual([
      'file.hash.md5=44d88612fea8a8f36de82e1278abb02f (feed:44d88612fea8a8f36de82e1278abb02f)',
      'file.hash.sha256=275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F (feed:275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f)',
    ]);
    expect(hits(index, event({ file: { hash: { sha1: '3395856ce81f2b7382dee72602f798b642f14140' } } }))).toHaveLength(1);
    expect(hits(index, event({ file: { hash: { md5: '54d88612fea8a8f36de82e1278abb02f', sha512: 'ab'.repeat(64) } } }))).toEqual([]);
  });

  it('reports one hit per field when several fields hold the indicator', () => {
    expect(hits(index, event({ source: { ip: '203.0.113.5' }, host: { ip: ['203.0.113.5'] }, url: { domain: 'evil.example' }, destination: { domain: 'evil.example' } }))).toEqual([
      'source.ip=203.0.113.5 (feed:203.0.113.5)',
      'host.ip=203.0.113.5 (feed:203.0.113.5)',
      'url.domain=evil.example (feed:evil.example)',
      'destination.domain=evil.example (feed:evil.example)',
    ]);
  });

  it('returns nothing for an event without the fields', () => {
    expect(hits(index, event({ user: { name: 'evil.example' }, message: '203.0.113.5' }))).toEqual([]);
  });
});

describe('IntelIndex expiry', () => {
  const until = new Date('2026-03-01T12:00:00Z');
  const index = new IntelIndex([
    indicator('ip', '203.0.113.5', { validUntil: until }),
    indicator('domain', 'evil.example', { validUntil: until }),
    indicator('domain', 'evil.example', { listId: 'forever' }),
  ]);
  const e = event({ source: { ip: '203.0.113.5' }, url: { domain: 'evil.example' } });

  it('matches before validUntil and never from it on', () => {
    expect(hits(index, e, new Date('2026-03-01T11:59:59.999Z'))).toHaveLength(3);
    expect(hits(index, e, until)).toEqual(['url.domain=evil.example (forever:evil.example)']);
    expect(hits(index, e, new Date('2027-01-01T00:00:00Z'))).toEqual(['url.domain=evil.example (forever:evil.example)']);
  });

  it('keeps each list’s copy of the same value apart', () => {
    expect(index.matches(e, new Date('2026-03-01T00:00:00Z')).map((h) => h.indicator.listId).sort()).toEqual(['feed', 'feed', 'forever']);
  });
});

describe('IntelIndex.lookup', () => {
  const index = new IntelIndex([
    indicator('ip', '198.51.100.0/24'),
    indicator('domain', 'evil.example', { validUntil: new Date('2026-01-01T00:00:00Z') }),
    indicator('url', 'http://dl.example/a'),
  ]);

  it('infers the type, normalises, and lists covering indicators with expired ones flagged', () => {
    expect(index.lookup('198.51.100.9', NOW)).toMatchObject({ type: 'ip', normalized: '198.51.100.9', matches: [{ indicator: { value: '198.51.100.0/24' }, expired: false }] });
    expect(index.lookup('WWW.Evil.Example', NOW)).toMatchObject({ type: 'domain', normalized: 'www.evil.example', matches: [{ indicator: { value: 'evil.example' }, expired: true }] });
    expect(index.lookup('http://www.evil.example/x', NOW).matches.map((m) => m.indicator.value)).toEqual(['evil.example']);
    expect(index.lookup('HTTP://dl.example:80/a', NOW).matches.map((m) => m.indicator.value)).toEqual(['http://dl.example/a']);
    expect(index.lookup('good.example', NOW)).toMatchObject({ type: 'domain', matches: [] });
    expect(index.lookup('what?', NOW)).toMatchObject({ type: null, normalized: null, reason: expect.stringMatching(/cannot tell the type/), matches: [] });
  });
});

describe('IntelIndex construction', () => {
  it('skips values that do not normalise instead of throwing', () => {
    const index = new IntelIndex([indicator('ip', 'not-an-ip'), indicator('md5', 'abc'), indicator('domain', 'ok.example')]);
    expect({ size: index.size, skipped: index.skipped }).toEqual({ size: 1, skipped: 2 });
  });
});
