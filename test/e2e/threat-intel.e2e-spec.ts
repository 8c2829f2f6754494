import { IntelDirectory } from '@soc/intel';
import type { SecurityEvent } from '@soc/parsers';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ where: string; reason: string }>;
  ignored: Record<string, number>;
}
interface ListSummary {
  id: string;
  severity: string;
  sourceKind: string;
  createdBy: string;
  indicatorCount: number;
  expiredCount: number;
  countsByType: Record<string, number>;
}
interface Indicator {
  id: string;
  type: string;
  value: string;
  severity: string;
  description: string | null;
  validUntil: string | null;
  expired: boolean;
}
interface LookupResult {
  value: string;
  type: string | null;
  normalized: string | null;
  reason?: string;
  matches: Array<{ listId: string; value: string; severity: string; expired: boolean }>;
}

const PASSWORD = 'Cầu-Mỹ-Thuận-bắc-qua-sông-Tiền';

const CSV = [
  'type,value,severity,description,valid_until',
  'ip,203.0.113.5,critical,C2 server,',
  'cidr,198.51.100.77/24,,"Botnet range, do not trust",',
  'domain,Evil.Example.,high,Phishing,',
  'url,HTTP://dl.example:80/payload.exe#x,,,',
  'hash,44D88612FEA8A8F36DE82E1278ABB02F,,EICAR,',
  'domain,old.example,,Retired,2020-01-01',
  'ip,203.0.113.300,,,',
  'email,bad@evil.example,,,',
  'domain,evil.example,urgent,,',
].join('\n');

const STIX = JSON.stringify({
  type: 'bundle',
  id: 'bundle--5b8f8f3e-0000-4000-8000-000000000001',
  objects: [
    { type: 'identity', spec_version: '2.1', id: 'identity--1', name: 'NCSC' },
    {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--a',
      name: 'Campaign X infrastructure',
      pattern: "[ipv4-addr:value = '192.0.2.10'] OR [domain-name:value = 'cdn.evil.example']",
      pattern_type: 'stix',
      valid_from: '2026-01-01T00:00:00Z',
    },
    {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--b',
      pattern: "[file:hashes.'SHA-256' = '275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F']",
      pattern_type: 'stix',
      valid_from: '2026-01-01T00:00:00Z',
      valid_until: '2099-01-01T00:00:00Z',
    },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--revoked', pattern: "[ipv4-addr:value = '192.0.2.11']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', revoked: true },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--and', pattern: "[ipv4-addr:value = '192.0.2.12' AND network-traffic:dst_port = 443]", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z' },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--sigma', pattern: 'title: x', pattern_type: 'sigma', valid_from: '2026-01-01T00:00:00Z' },
    { type: 'relationship', spec_version: '2.1', id: 'relationship--1', relationship_type: 'indicates', source_ref: 'indicator--a', target_ref: 'malware--1' },
  ],
});

/** Threat-intel lists over HTTP against real PostgreSQL: imports, counts, rejections, lookup, access, audit. */
describe('threat-intel lists (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let analyst: string;
  let member: string;
  let itA: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    admin = await soc.adminToken();
    expect((await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-a', name: 'Sở A' } })).status).toBe(201);
    const users = [
      { username: 'analyst', roles: ['soc_analyst'], agencyIds: [] },
      { username: 'member', roles: ['ir_member'], agencyIds: [] },
      { username: 'it.a', roles: ['agency_it'], agencyIds: ['so-a'] },
    ];
    for (const user of users) {
      expect((await soc.call('/api/v1/users', { method: 'POST', token: admin, body: { ...user, displayName: user.username, password: PASSWORD } })).status).toBe(201);
    }
    analyst = await soc.login('analyst', PASSWORD);
    member = await soc.login('member', PASSWORD);
    itA = await soc.login('it.a', PASSWORD);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const post = (path: string, body: unknown, token = admin) => soc.call(path, { method: 'POST', token, body });
  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const importInto = async (list: string, body: unknown, token = admin) => {
    const res = await post(`/api/v1/intel/lists/${list}/indicators`, body, token);
    expect(res.status).toBe(200);
    return json<ImportSummary>(res);
  };
  const lists = async () => new Map((await json<ListSummary[]>(await soc.call('/api/v1/intel/lists', { token: admin }))).map((l) => [l.id, l]));
  const lookup = async (values: string[], token = admin) => (await json<{ results: LookupResult[] }>(await post('/api/v1/intel/lookup', { values }, token))).results;

  it('creates lists, refusing duplicates and bad input with clear messages', async () => {
    const created = await post('/api/v1/intel/lists', { id: 'ncsc-c2', name: 'Cảnh báo NCSC', severity: 'high', sourceKind: 'csv' });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ id: 'ncsc-c2', severity: 'high', sourceKind: 'csv', createdBy: 'user:admin', description: '' });
    expect((await post('/api/v1/intel/lists', { id: 'stix-feed', name: 'STIX feed', sourceKind: 'stix' }, analyst)).status).toBe(201);
    expect((await post('/api/v1/intel/lists', { id: 'manual', name: 'Analysts' })).status).toBe(201);

    const duplicate = await post('/api/v1/intel/lists', { id: 'ncsc-c2', name: 'again' });
    expect(duplicate.status).toBe(409);
    expect(await json(duplicate)).toMatchObject({ message: 'intel list ncsc-c2 exists' });
    const badId = await post('/api/v1/intel/lists', { id: 'Bad Id', name: 'x' });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(await json(badId))).toContain('id: lower-case letters');
    expect((await post('/api/v1/intel/lists', { id: 'x', name: 'x', severity: 'severe' })).status).toBe(400);
    expect((await post('/api/v1/intel/lists', { id: 'x', name: 'x', extra: 1 })).status).toBe(400);
  });

  it('imports CSV, returning counts and every rejected row with its line and reason', async () => {
    const summary = await importInto('ncsc-c2', { format: 'csv', content: CSV });
    expect(summary).toEqual({
      added: 6,
      updated: 0,
      unchanged: 0,
      rejected: [
        { where: 'line 8', reason: "'203.0.113.300' is not an IP address or CIDR network" },
        { where: 'line 9', reason: "unknown type 'email' (ip, domain, url, md5, sha1, sha256 or hash)" },
        { where: 'line 10', reason: "unknown severity 'urgent' (low, medium, high, critical)" },
      ],
      ignored: {},
    });
    // Restated: one changed, one the same, one new; one-column form, types inferred.
    const again = await importInto('ncsc-c2', { format: 'csv', content: 'value,severity,description\n203.0.113.5,low,C2 server\nevil.example,high,Phishing\n10.66.0.0/16,,' });
    expect(again).toMatchObject({ added: 1, updated: 1, unchanged: 1, rejected: [] });
  });

  it('imports a STIX 2.1 bundle, rejecting unusable indicators by id and counting other objects', async () => {
    const summary = await importInto('stix-feed', { format: 'stix', content: STIX }, analyst);
    expect(summary.added).toBe(3);
    expect(summary.ignored).toEqual({ identity: 1, relationship: 1 });
    expect(summary.rejected).toEqual([
      { where: 'indicator--revoked', reason: 'revoked' },
      { where: 'indicator--and', reason: expect.stringContaining('AND is not supported') },
      { where: 'indicator--sigma', reason: "pattern_type 'sigma' is not supported (only stix)" },
    ]);
    const broken = await importInto('stix-feed', { format: 'stix', content: '{"type": "bundle", "objects": [' });
    expect(broken).toMatchObject({ added: 0, rejected: [{ where: 'bundle', reason: expect.stringMatching(/^not JSON/) }] });
  });

  it('imports indicators given one by one, and refuses malformed requests with 4xx', async () => {
    const summary = await importInto('manual', { indicators: [{ value: 'hxxps://login.phish[.]example/vcb' }, { type: 'md5', value: 'nope' }, { value: 'ok.example', validUntil: 'sometime' }] });
    expect(summary).toMatchObject({ added: 1, rejected: [{ where: 'indicators[1]' }, { where: 'indicators[2]', reason: expect.stringContaining('validUntil') }] });

    const refused = async (body: unknown, status = 400, list = 'manual') => {
      const res = await post(`/api/v1/intel/lists/${list}/indicators`, body);
      expect(res.status).toBe(status);
      return ((await res.json()) as { message: unknown }).message;
    };
    expect(await refused({})).toMatch(/send \{format/);
    expect(await refused({ format: 'csv' })).toMatch(/content: the CSV text is missing/);
    expect(await refused({ format: 'csv', content: '1.2.3.4', indicators: [] })).toMatch(/not both/);
    expect(JSON.stringify(await refused({ format: 'xml', content: '' }))).toContain('format must be one of');
    expect(JSON.stringify(await refused({ indicators: [{ type: 'email', value: 'a@b.c' }] }))).toContain('type must be one of');
    expect(JSON.stringify(await refused({ indicators: [{ value: 'a.example', colour: 'red' }] }))).toContain('colour should not exist');
    expect(await refused({ format: 'csv', content: '1.2.3.4' }, 404, 'no-such-list')).toBe('no such intel list');
    // The server's body limit (INGEST_MAX_BODY_BYTES, 5 MiB by default) bounds an import.
    const big = await soc.call('/api/v1/intel/lists/manual/indicators', { method: 'POST', token: admin, body: { format: 'csv', content: `${'a.example\n'.repeat(600_000)}` } });
    expect(big.status).toBe(413);
    expect(await json(big)).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
  });

  it('lists the lists with indicator counts by type and expired counts', async () => {
    const all = await lists();
    expect([...all.keys()]).toEqual(['manual', 'ncsc-c2', 'stix-feed']);
    expect(all.get('ncsc-c2')).toMatchObject({ indicatorCount: 7, expiredCount: 1, countsByType: { ip: 3, domain: 2, url: 1, md5: 1, sha1: 0, sha256: 0 } });
    expect(all.get('stix-feed')).toMatchObject({ indicatorCount: 3, expiredCount: 0, createdBy: 'user:analyst', countsByType: { ip: 1, domain: 1, sha256: 1 } });
    expect(all.get('manual')).toMatchObject({ indicatorCount: 1, countsByType: { url: 1 } });
  });

  it("pages through a list's indicators, normalised, with effective severity", async () => {
    const page1 = await json<{ items: Indicator[]; nextCursor: string | null }>(await soc.call('/api/v1/intel/lists/ncsc-c2/indicators?limit=4', { token: member }));
    expect(page1.items.map((i) => `${i.type} ${i.value} ${i.severity}`)).toEqual([
      'ip 203.0.113.5 low',
      'ip 198.51.100.0/24 high',
      'domain evil.example high',
      'url http://dl.example/payload.exe high',
    ]);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await json<{ items: Indicator[]; nextCursor: string | null }>(await soc.call(`/api/v1/intel/lists/ncsc-c2/indicators?limit=4&cursor=${page1.nextCursor}`, { token: member }));
    expect(page2.items.map((i) => i.value)).toEqual(['44d88612fea8a8f36de82e1278abb02f', 'old.example', '10.66.0.0/16']);
    expect(page2.nextCursor).toBeNull();
    expect(page2.items[1]).toMatchObject({ expired: true, validUntil: '2020-01-01T17:00:00.000Z', description: 'Retired' });
    const hashes = await json<{ items: Indicator[] }>(await soc.call('/api/v1/intel/lists/ncsc-c2/indicators?type=md5', { token: admin }));
    expect(hashes.items.map((i) => i.value)).toEqual(['44d88612fea8a8f36de82e1278abb02f']);
    expect((await soc.call('/api/v1/intel/lists/ncsc-c2/indicators?cursor=abc', { token: admin })).status).toBe(400);
    expect((await soc.call('/api/v1/intel/lists/ncsc-c2/indicators?limit=0', { token: admin })).status).toBe(400);
    expect((await soc.call('/api/v1/intel/lists/nope/indicators', { token: admin })).status).toBe(404);
  });

  it('looks values up: networks cover addresses, listed domains cover subdomains, expired ones flagged', async () => {
    const results = await lookup(['198.51.100.9', 'WWW.Evil.Example', 'http://DL.example/payload.exe', '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f', 'a.old.example', 'good.example', 'what is this'], member);
    const summary = results.map((r) => `${r.value} → ${r.type ?? r.reason} ${r.matches.map((m) => `${m.listId}:${m.value}${m.expired ? ' (expired)' : ''}`).join(', ')}`.trim());
    expect(summary).toEqual([
      '198.51.100.9 → ip ncsc-c2:198.51.100.0/24',
      'WWW.Evil.Example → domain ncsc-c2:evil.example',
      'http://DL.example/payload.exe → url ncsc-c2:http://dl.example/payload.exe',
      '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f → sha256 stix-feed:275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f',
      'a.old.example → domain ncsc-c2:old.example (expired)',
      'good.example → domain',
      "what is this → 'what is this' contains white space or control characters",
    ]);
    expect((await post('/api/v1/intel/lookup', { values: [] })).status).toBe(400);
    expect((await post('/api/v1/intel/lookup', { values: Array<string>(1001).fill('a.example') })).status).toBe(400);
  });

  it('gives ingest an index of every list that matches events', async () => {
    const index = await soc.app.get(IntelDirectory).index();
    const event = {
      '@timestamp': '2026-03-01T00:00:00Z',
      event: { kind: 'event', ingested: '', original: '' },
      soc: { source_id: 's', transport: 'http' },
      source: { ip: '10.1.1.1' },
      destination: { ip: '192.0.2.10', domain: 'x.cdn.evil.example' },
    } as SecurityEvent;
    expect(index.matches(event, new Date()).map((h) => `${h.field} ${h.indicator.listId}:${h.indicator.value} ${h.indicator.severity}`)).toEqual([
      'destination.ip stix-feed:192.0.2.10 medium',
      // The most specific listed domain first.
      'destination.domain stix-feed:cdn.evil.example medium',
      'destination.domain ncsc-c2:evil.example high',
    ]);
  });

  it('keeps agency IT staff out, and lets only analysts and admins change lists', async () => {
    expect((await soc.call('/api/v1/intel/lists', { token: itA })).status).toBe(403);
    expect((await soc.call('/api/v1/intel/lists/ncsc-c2/indicators', { token: itA })).status).toBe(403);
    expect((await post('/api/v1/intel/lookup', { values: ['203.0.113.5'] }, itA)).status).toBe(403);
    expect((await post('/api/v1/intel/lists', { id: 'mine', name: 'mine' }, itA)).status).toBe(403);
    expect((await post('/api/v1/intel/lists', { id: 'mine', name: 'mine' }, member)).status).toBe(403);
    expect((await post('/api/v1/intel/lists/manual/indicators', { indicators: [{ value: 'x.example' }] }, member)).status).toBe(403);
    expect((await soc.call('/api/v1/intel/lists/manual', { method: 'DELETE', token: member })).status).toBe(403);
  });

  it('deletes a list with its indicators, at once invisible to lookup and matching', async () => {
    expect((await soc.call('/api/v1/intel/lists/ncsc-c2', { method: 'DELETE', token: analyst })).status).toBe(204);
    expect((await soc.call('/api/v1/intel/lists/ncsc-c2', { method: 'DELETE', token: analyst })).status).toBe(404);
    expect([...(await lists()).keys()]).toEqual(['manual', 'stix-feed']);
    expect((await lookup(['198.51.100.9', 'evil.example']))[0]!.matches).toEqual([]);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM intel_indicators WHERE list_id = 'ncsc-c2'"))[0]!.n).toBe(0);
  });

  it('audits list creation, deletion and every import with its counts', async () => {
    const audit = await db.query<{ actor: string; action: string; target: string; details: Record<string, unknown> }>(
      "SELECT actor, action, target, details FROM audit_log WHERE action LIKE 'intel.%' ORDER BY seq",
    );
    expect(audit.map((a) => `${a.action} ${a.target} ${a.actor}`)).toEqual([
      'intel.lists.create intel-list:ncsc-c2 user:admin',
      'intel.lists.create intel-list:stix-feed user:analyst',
      'intel.lists.create intel-list:manual user:admin',
      'intel.indicators.import intel-list:ncsc-c2 user:admin',
      'intel.indicators.import intel-list:ncsc-c2 user:admin',
      'intel.indicators.import intel-list:stix-feed user:analyst',
      'intel.indicators.import intel-list:stix-feed user:admin',
      'intel.indicators.import intel-list:manual user:admin',
      'intel.lists.delete intel-list:ncsc-c2 user:analyst',
    ]);
    expect(audit[3]!.details).toEqual({ format: 'csv', indicators: 6, added: 6, updated: 0, unchanged: 0, rejected: 3 });
    expect(audit[5]!.details).toMatchObject({ format: 'stix', added: 3, rejected: 3 });
    expect(audit[8]!.details).toEqual({ name: 'Cảnh báo NCSC', indicators: 7 });
  });
});
