import { LiveFeedClient } from '../support/live-feed-client';
import { startTestApp, TEST_ADMIN_PASSWORD, TEST_INGEST_KEY, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

type Caller = 'anonymous' | 'admin' | 'soc_analyst' | 'ir_lead' | 'ir_member' | 'agency_it' | 'auditor' | 'source' | 'metrics_token';
const PEOPLE = ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'agency_it', 'auditor'] as const;
const EVERYONE: Caller[] = ['anonymous', ...PEOPLE, 'source', 'metrics_token'];
const PUBLIC = 'public';
/** Who works incidents: the SOC and the response team, never agency IT or auditors. */
const RESPONDERS: Caller[] = ['admin', 'soc_analyst', 'ir_lead', 'ir_member'];
const METRICS_TOKEN = 'metrics-token-for-the-scraper-0123456789abcdef';

/**
 * Who may call what: the specification, written independently of the code. Every route the app
 * serves must appear here (and nothing else), so a new route cannot ship without a decision.
 */
const MATRIX: Record<string, typeof PUBLIC | Caller[]> = {
  'GET /api/docs*': PUBLIC,
  'GET /api/v1/health': PUBLIC,
  'POST /api/v1/auth/login': PUBLIC,
  'POST /api/v1/auth/refresh': PUBLIC, // its credential is the refresh token in the body
  'POST /api/v1/auth/logout': [...PEOPLE],
  'GET /api/v1/auth/me': [...PEOPLE],
  'GET /metrics': ['admin', 'soc_analyst', 'auditor', 'metrics_token'],
  // Operational health of the national-center connector (connector:read): the SOC's operators and auditors; not the scraper's token.
  'GET /api/v1/connector/status': ['admin', 'soc_analyst', 'auditor'],
  'GET /api/v1/users': ['admin', 'auditor'],
  'POST /api/v1/users': ['admin'],
  'PUT /api/v1/users/:id/roles': ['admin'],
  'GET /api/v1/agencies': [...PEOPLE],
  'POST /api/v1/agencies': ['admin'],
  'GET /api/v1/agencies/:id': [...PEOPLE],
  'PATCH /api/v1/agencies/:id': ['admin'],
  // The agencies table as CSV is province-wide: export and import both need agencies:manage.
  'GET /api/v1/agencies/export.csv': ['admin'],
  'POST /api/v1/agencies/import': ['admin'],
  'GET /api/v1/sources': [...PEOPLE],
  'POST /api/v1/sources': ['admin'],
  'POST /api/v1/sources/:id/api-key': ['admin'],
  'DELETE /api/v1/sources/:id/api-key': ['admin'],
  'GET /api/v1/systems': [...PEOPLE],
  'POST /api/v1/systems': ['admin'],
  'GET /api/v1/systems/:id': [...PEOPLE],
  'PATCH /api/v1/systems/:id': ['admin'],
  'GET /api/v1/systems/:id/assets': [...PEOPLE],
  'POST /api/v1/systems/:id/assets': ['admin'],
  'DELETE /api/v1/systems/:id/assets/:assetId': ['admin'],
  // Agency IT staff export their own systems; only the registry's managers import.
  'GET /api/v1/systems/export.csv': [...PEOPLE],
  'POST /api/v1/systems/import': ['admin'],
  'POST /api/v1/systems/:id/dossier': ['admin'],
  'GET /api/v1/systems/:id/reviews': [...PEOPLE],
  'POST /api/v1/systems/:id/reviews/:reviewId/close': ['admin'],
  'GET /api/v1/posture/regimes': [...PEOPLE],
  'GET /api/v1/posture/catalogues/:id': [...PEOPLE],
  'GET /api/v1/systems/:id/requirements': [...PEOPLE],
  // Agency IT staff record their own systems' requirement statuses; auditors and responders only read them.
  'PUT /api/v1/systems/:id/requirements/:itemId': ['admin', 'soc_analyst', 'agency_it'],
  'GET /api/v1/systems/:id/level-suggestion': [...PEOPLE],
  'GET /api/v1/systems/:id/posture': [...PEOPLE],
  'GET /api/v1/posture/systems': [...PEOPLE],
  // Periodic reports carry every agency's figures: not for agency IT staff.
  'GET /api/v1/reports': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'POST /api/v1/reports': ['admin', 'soc_analyst', 'ir_lead'],
  'GET /api/v1/reports/schedules': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'PUT /api/v1/reports/schedules/:kind': ['admin', 'soc_analyst', 'ir_lead'],
  'GET /api/v1/reports/:id': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'GET /api/v1/posture/kpis': [...PEOPLE],
  'GET /api/v1/posture/kpis/history': [...PEOPLE],
  'GET /api/v1/posture/reports/annual': [...PEOPLE],
  'GET /api/v1/agencies/:id/monitoring-services': [...PEOPLE],
  'POST /api/v1/agencies/:id/monitoring-services': ['admin'],
  'DELETE /api/v1/agencies/:id/monitoring-services/:serviceId': ['admin'],
  'GET /api/v1/systems/:id/assessments': [...PEOPLE],
  'POST /api/v1/systems/:id/assessments': ['admin'],
  'GET /api/v1/systems/:id/vulnerabilities': [...PEOPLE],
  'POST /api/v1/systems/:id/vulnerabilities': ['admin'],
  // Threat-intel lists are province-wide: never agency IT staff.
  'GET /api/v1/intel/lists': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'POST /api/v1/intel/lists': ['admin', 'soc_analyst'],
  'DELETE /api/v1/intel/lists/:id': ['admin', 'soc_analyst'],
  'GET /api/v1/intel/lists/:id/indicators': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'POST /api/v1/intel/lists/:id/indicators': ['admin', 'soc_analyst'],
  'POST /api/v1/intel/lookup': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'GET /api/v1/rules': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'GET /api/v1/rules/:id': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'POST /api/v1/rules': ['admin', 'soc_analyst'],
  'DELETE /api/v1/rules/:id': ['admin', 'soc_analyst'],
  'PUT /api/v1/rules/:id/enabled': ['admin', 'soc_analyst'],
  'GET /api/v1/rules/:id/exceptions': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'POST /api/v1/rules/:id/exceptions': ['admin', 'soc_analyst'],
  'DELETE /api/v1/rules/:id/exceptions/:exceptionId': ['admin', 'soc_analyst'],
  'POST /api/v1/rules/test': ['admin', 'soc_analyst', 'ir_lead', 'ir_member', 'auditor'],
  'GET /api/v1/alerts': [...PEOPLE],
  'GET /api/v1/alerts/:id': [...PEOPLE],
  'PATCH /api/v1/alerts/:id': ['admin', 'soc_analyst', 'ir_lead', 'ir_member'],
  'GET /api/v1/incidents': [...PEOPLE],
  'GET /api/v1/incidents/metrics': [...PEOPLE],
  'GET /api/v1/incidents/:id': [...PEOPLE],
  'GET /api/v1/incidents/:id/events': [...PEOPLE],
  'GET /api/v1/incidents/:id/stix': [...PEOPLE],
  'GET /api/v1/incidents/:id/misp': [...PEOPLE],
  'POST /api/v1/incidents/bulk': RESPONDERS,
  'PATCH /api/v1/incidents/:id': RESPONDERS,
  'POST /api/v1/incidents/:id/transition': RESPONDERS,
  'POST /api/v1/incidents/:id/assign': RESPONDERS,
  'POST /api/v1/incidents/:id/comments': RESPONDERS,
  'POST /api/v1/incidents/:id/serious': RESPONDERS,
  'POST /api/v1/incidents/:id/tasks': RESPONDERS,
  'PATCH /api/v1/incidents/:id/tasks/:taskId': RESPONDERS,
  'POST /api/v1/incidents/:id/merge': RESPONDERS,
  'POST /api/v1/incidents/:id/split': RESPONDERS,
  // Reports to the national coordinator: read as the incident (agency IT their own), written by responders.
  'GET /api/v1/incidents/:id/reports/:kind': [...PEOPLE],
  'GET /api/v1/incidents/:id/reports/:kind/versions': [...PEOPLE],
  'PUT /api/v1/incidents/:id/reports/:kind': RESPONDERS,
  'POST /api/v1/incidents/:id/reports/:kind/submit': RESPONDERS,
  'POST /api/v1/incidents/:id/reports/:kind/acknowledge': RESPONDERS,
  'GET /api/v1/events': [...PEOPLE],
  'POST /api/v1/ingest': ['source'],
  'GET /api/v1/audit': ['admin', 'auditor'],
};

const PASSWORD = 'Đà-Lạt-sương-mù-buổi-sáng';

describe('authorization matrix: every route × every kind of caller', () => {
  let db: TestDatabase;
  let soc: TestApp;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_METRICS_TOKEN: METRICS_TOKEN, SOC_LOGIN_RATE_PER_MINUTE: '1000' });
    const admin = await soc.adminToken();
    await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-x', name: 'Sở X' } });
    for (const role of PEOPLE.filter((r) => r !== 'admin')) {
      const username = role.replace('_', '.');
      const res = await soc.call('/api/v1/users', {
        method: 'POST',
        token: admin,
        body: { username, displayName: role, password: PASSWORD, roles: [role], agencyIds: role === 'agency_it' ? ['so-x'] : [] },
      });
      expect(res.status).toBe(201);
    }
    for (const caller of PEOPLE) tokens.set(caller, await loginAs(caller));
    tokens.set('source', TEST_INGEST_KEY);
    tokens.set('metrics_token', METRICS_TOKEN);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const loginAs = (caller: (typeof PEOPLE)[number]) =>
    caller === 'admin' ? soc.login('admin', TEST_ADMIN_PASSWORD) : soc.login(caller.replace('_', '.'), PASSWORD);

  /** The routes the app really serves, read from its router. */
  const servedRoutes = (): string[] => {
    const express = soc.app.getHttpAdapter().getInstance() as { router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> } };
    return express.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`));
  };
  const matrixKeyOf = (route: string) => (route.startsWith('GET /api/docs') ? 'GET /api/docs*' : route);

  it('covers exactly the routes the app serves', () => {
    const served = new Set(servedRoutes().map(matrixKeyOf));
    expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('allows and denies each route for each caller as specified', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of servedRoutes()) {
      const [method, path] = route.split(' ') as [string, string];
      const rule = MATRIX[matrixKeyOf(route)]!;
      for (const caller of EVERYONE) {
        const status = await request(method, path, caller);
        const allowed = rule === PUBLIC || rule.includes(caller);
        outcomes.push(`${route} as ${caller}: ${status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'allowed'}`);
        expected.push(`${route} as ${caller}: ${allowed ? 'allowed' : caller === 'anonymous' ? 'unauthenticated' : denialFor(caller, rule)}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers 401 to every non-public route without credentials, and to a refresh without a refresh token', async () => {
    for (const route of servedRoutes()) {
      const [method, path] = route.split(' ') as [string, string];
      if (MATRIX[matrixKeyOf(route)] === PUBLIC) continue;
      expect(`${route}: ${await request(method, path, 'anonymous')}`).toBe(`${route}: 401`);
    }
    expect((await soc.call('/api/v1/auth/refresh', { method: 'POST', body: {} })).status).toBe(401);
  });

  it('opens /ws to every person with a valid token, and to nobody else', async () => {
    for (const caller of PEOPLE) {
      const client = await LiveFeedClient.connect(soc.wsUrl, tokens.get(caller)!);
      client.close();
    }
    expect(await LiveFeedClient.refusal(soc.wsUrl)).toBe(401);
    expect(await LiveFeedClient.refusal(soc.wsUrl, { Authorization: `Bearer ${TEST_INGEST_KEY}` })).toBe(401);
    expect(await LiveFeedClient.refusal(soc.wsUrl, { Authorization: `Bearer ${METRICS_TOKEN}` })).toBe(401);
  });

  async function freshRefreshToken(): Promise<string> {
    const res = await soc.call('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: TEST_ADMIN_PASSWORD } });
    return ((await res.json()) as { refreshToken: string }).refreshToken;
  }

  /** A static token is only a credential on /metrics; elsewhere it is an invalid access token. */
  function denialFor(caller: Caller, rule: Caller[]): string {
    return caller === 'metrics_token' && !rule.includes(caller) ? 'unauthenticated' : 'forbidden';
  }

  async function request(method: string, path: string, caller: Caller): Promise<number> {
    const concrete = path.replace(':id', path.includes('/sources/') ? 'no-such-source' : '00000000-0000-4000-8000-000000000000');
    const token = tokens.get(caller);
    const ingest = concrete === '/api/v1/ingest';
    // The refresh route's credential is the refresh token in its body, whoever presents it.
    const body = concrete === '/api/v1/auth/refresh' ? { refreshToken: await freshRefreshToken() } : ingest ? 'Nov 30 16:40:00 h app: matrix probe' : {};
    const res = await soc.call(concrete, {
      method,
      token,
      body: method === 'GET' || method === 'DELETE' ? undefined : body,
      contentType: ingest ? 'text/plain' : undefined,
    });
    // Logging out ends the caller's session: log in again for the rest of the matrix.
    if (concrete === '/api/v1/auth/logout' && res.status === 204) tokens.set(caller, await loginAs(caller as (typeof PEOPLE)[number]));
    return res.status;
  }
});
