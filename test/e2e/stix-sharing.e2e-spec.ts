import { failedSshLines } from '../support/ssh-lines';
import { validateStixBundle } from '../support/stix21-validator';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

interface StixObject {
  type: string;
  id: string;
  name?: string;
  pattern?: string;
  object_marking_refs?: string[];
  [property: string]: unknown;
}
interface Bundle {
  type: string;
  id: string;
  objects: StixObject[];
}
interface MispEvent {
  Event: { info: string; threat_level_id: string; Attribute: Array<{ type: string; value: string; to_ids: boolean; category: string }>; Tag: Array<{ name: string }> };
}
interface Alert {
  id: string;
  ruleId: string;
  kind?: string;
  sourceIp?: string;
  indicator?: { listId: string; value: string };
}

const PASSWORD = 'Hồ-Gươm-Tháp-Rùa-2026';
const ATTACKER = '203.0.113.77';
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';

/**
 * Indicator sharing end to end on real PostgreSQL: an incident raised by ingested sshd brute force is
 * exported as STIX 2.1 (valid by our reading of the spec), imported back through the threat-intel API
 * into a list, and the next line from the attacker raises an intel alert. Also the MISP export,
 * TLP handling and agency scoping.
 */
describe('indicator sharing: STIX 2.1 and MISP (real PostgreSQL)', () => {
  // Event times are 30 Nov local time: a clock on that day keeps the year inference and correlation windows simple.
  const clock = { now: () => new Date('2026-11-30T10:00:00Z') };
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;
  let itA: string;
  let itB: string;
  let incidentId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, {}, clock);
    admin = await soc.adminToken();
    for (const [id, name] of [['so-a', 'Sở Y tế'], ['so-b', 'UBND huyện B']]) await post('/api/v1/agencies', { id, name });
    await post('/api/v1/systems', { id: 'his', agencyId: 'so-a', name: 'Phần mềm bệnh viện', securityLevel: 3 });
    await post('/api/v1/systems/his/assets', { value: 'his-web01' });
    for (const [username, agency] of [['it.a', 'so-a'], ['it.b', 'so-b']]) {
      await post('/api/v1/users', { username, displayName: username, password: PASSWORD, roles: ['agency_it'], agencyIds: [agency] });
    }
    itA = await soc.login('it.a', PASSWORD);
    itB = await soc.login('it.b', PASSWORD);
    for (let burst = 0; burst < 2; burst++) expect((await soc.ingest(failedSshLines(ATTACKER, 8, undefined, 'his-web01'))).status).toBe(202);
    const incidents = (await get<{ items: Array<{ id: string; agencyId: string }> }>(`/api/v1/incidents?q=${ATTACKER}`)).items;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]!.agencyId).toBe('so-a');
    incidentId = incidents[0]!.id;
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  async function post(path: string, body: unknown, token = admin): Promise<Response> {
    const res = await soc.call(path, { method: 'POST', token, body });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res;
  }
  async function get<T>(path: string, token = admin): Promise<T> {
    const res = await soc.call(path, { token });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  it('exports the incident as a STIX 2.1 bundle that our validator accepts, re-imports it, and the attacker is then caught by intel', async () => {
    const bundle = await get<Bundle>(`/api/v1/incidents/${incidentId}/stix`);
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ type: 'bundle', id: expect.stringMatching(/^bundle--/) });
    const indicator = bundle.objects.find((o) => o.type === 'indicator')!;
    expect(indicator.pattern).toBe(`[ipv4-addr:value = '${ATTACKER}']`);
    // The user the attacker tried is observed data, never an indicator.
    expect(bundle.objects.find((o) => o.type === 'user-account')).toMatchObject({ account_login: 'admin' });
    expect(bundle.objects.filter((o) => o.type === 'indicator')).toHaveLength(1);
    expect(bundle.objects.find((o) => o.type === 'sighting')).toMatchObject({ sighting_of_ref: indicator.id, count: expect.any(Number) });
    // Re-exporting the unchanged incident gives the same bundle.
    expect(await get<Bundle>(`/api/v1/incidents/${incidentId}/stix`)).toEqual(bundle);

    await post('/api/v1/intel/lists', { id: 'shared-by-soc', name: 'Shared by the SOC', severity: 'high', sourceKind: 'stix' });
    const imported = (await (await post('/api/v1/intel/lists/shared-by-soc/indicators', { format: 'stix', content: JSON.stringify(bundle) })).json()) as {
      added: number;
      rejected: unknown[];
      ignored: Record<string, number>;
    };
    expect(imported).toMatchObject({ added: 1, rejected: [] });
    expect(imported.ignored).toMatchObject({ identity: 1, 'marking-definition': 1, 'observed-data': 2, sighting: 1, 'ipv4-addr': 1, 'user-account': 1 });

    // The attacker gets in: an sshd line whose source.ip is now in the list. (A success, not one more
    // failure, so that the batch holds the intel alert alone rather than also an update of the brute force.)
    expect((await soc.ingest([`Nov 30 17:05:00 his-web01 sshd[4242]: Accepted password for admin from ${ATTACKER} port 50999 ssh2`])).status).toBe(202);
    const alerts = (await get<{ items: Alert[] }>('/api/v1/alerts?limit=200')).items;
    const intel = alerts.filter((a) => a.kind === 'intel');
    expect(intel).toHaveLength(1);
    expect(intel[0]).toMatchObject({ sourceIp: ATTACKER, indicator: { listId: 'shared-by-soc', value: ATTACKER } });
  });

  it('marks the bundle with the requested TLP 2.0 marking, amber by default', async () => {
    const byDefault = await get<Bundle>(`/api/v1/incidents/${incidentId}/stix`);
    expect(byDefault.objects.filter((o) => o.type === 'marking-definition').map((o) => [o.id, o.name])).toEqual([[AMBER, 'TLP:AMBER']]);
    expect(byDefault.objects.filter((o) => o.type === 'indicator').every((o) => o.object_marking_refs?.[0] === AMBER)).toBe(true);
    // `+` unencoded in a query string arrives as a space; both spellings mean AMBER+STRICT.
    for (const query of ['amber%2Bstrict', 'amber+strict']) {
      const strict = await get<Bundle>(`/api/v1/incidents/${incidentId}/stix?tlp=${query}`);
      expect(strict.objects.find((o) => o.type === 'marking-definition')).toMatchObject({ id: AMBER_STRICT, name: 'TLP:AMBER+STRICT' });
      expect(validateStixBundle(strict)).toEqual([]);
    }
    const unknown = await soc.call(`/api/v1/incidents/${incidentId}/stix?tlp=white`, { token: admin });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('tlp must be one of: clear, green, amber, amber+strict, red');
    expect((await soc.call(`/api/v1/incidents/${incidentId}/misp?tlp=purple`, { token: admin })).status).toBe(400);
  });

  it('exports a MISP event with the attacker as an IDS attribute and the TLP tag', async () => {
    const { Event } = await get<MispEvent>(`/api/v1/incidents/${incidentId}/misp?tlp=green`);
    expect(Event.info).toMatch(/^SC-\d{6}: /);
    expect(Event.Tag).toEqual([{ name: 'tlp:green' }]);
    expect(Event.Attribute).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'ip-src', category: 'Network activity', value: ATTACKER, to_ids: true }),
        expect.objectContaining({ type: 'target-user', value: 'admin', to_ids: false }),
        expect.objectContaining({ type: 'hostname', value: 'his-web01', to_ids: false }),
      ]),
    );
  });

  it("answers 404 to another agency's IT staff, as for a missing incident, and serves the incident's own agency", async () => {
    for (const format of ['stix', 'misp']) {
      expect((await soc.call(`/api/v1/incidents/${incidentId}/${format}`, { token: itB })).status).toBe(404);
      expect((await soc.call(`/api/v1/incidents/${incidentId}/${format}`, { token: itA })).status).toBe(200);
      expect((await soc.call(`/api/v1/incidents/00000000-0000-4000-8000-000000000000/${format}`, { token: admin })).status).toBe(404);
      expect((await soc.call(`/api/v1/incidents/not-a-uuid/${format}`, { token: admin })).status).toBe(400);
    }
  });
});
