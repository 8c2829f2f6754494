import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

describe('authentication: login, lockout, refresh rotation, logout, user management (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_LOGIN_MAX_FAILURES: '3', SOC_LOGIN_RATE_PER_MINUTE: '1000' });
    admin = await soc.adminToken();
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const loginRaw = (username: string, password: string) => soc.call('/api/v1/auth/login', { method: 'POST', body: { username, password } });
  const createUser = (username: string, password: string, roles: string[] = ['soc_analyst'], agencyIds: string[] = []) =>
    soc.call('/api/v1/users', { method: 'POST', token: admin, body: { username, displayName: `Người dùng ${username}`, password, roles, agencyIds } });
  const auditActions = async () => ((await (await soc.call('/api/v1/audit?limit=500', { token: admin })).json()) as Array<{ action: string; target: string }>);

  it('stores passwords only as argon2id hashes', async () => {
    const [row] = await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain(TEST_ADMIN_PASSWORD);
  });

  it('enforces the password policy when creating users', async () => {
    const weak = await createUser('tran.thi.b', 'short');
    expect(weak.status).toBe(400);
    expect((await weak.json()) as { message: string }).toMatchObject({ message: expect.stringContaining('at least 12 characters') });
    expect((await createUser('tran.thi.b', 'tran.thi.b-is-my-password')).status).toBe(400);
    expect((await createUser('tran.thi.b', 'Sông-Hương-mùa-thu-2026')).status).toBe(201);
    expect((await createUser('tran.thi.b', 'Sông-Hương-mùa-thu-2026')).status).toBe(409);
    expect((await createUser('it.only', 'Sông-Hương-mùa-thu-2026', ['agency_it'], [])).status).toBe(400);
  });

  it('does not reveal whether a user exists, and locks an account after repeated failures', async () => {
    expect((await createUser('le.van.c', 'Phố-cổ-Hội-An-đèn-lồng')).status).toBe(201);
    const unknown = await loginRaw('nobody.here', 'whatever-password');
    const wrong = await loginRaw('le.van.c', 'wrong-password-here');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect((await unknown.json()) as { message: string }).toEqual((await wrong.json()) as { message: string });

    await loginRaw('le.van.c', 'wrong-password-here');
    await loginRaw('le.van.c', 'wrong-password-here');
    // Third failure reached the limit: even the right password is refused now.
    expect((await loginRaw('le.van.c', 'Phố-cổ-Hội-An-đèn-lồng')).status).toBe(401);
    const [row] = await db.query<{ locked_until: Date | null }>(`SELECT locked_until FROM users WHERE username = 'le.van.c'`);
    expect(row!.locked_until!.getTime()).toBeGreaterThan(Date.now());
    const actions = await auditActions();
    expect(actions.filter((a) => a.action === 'auth.login_failed' && a.target === 'user:le.van.c').length).toBeGreaterThanOrEqual(4);
    expect(actions.some((a) => a.action === 'auth.locked' && a.target === 'user:le.van.c')).toBe(true);
  });

  it('rotates refresh tokens, and a reused one ends the session', async () => {
    const first = (await (await loginRaw('admin', TEST_ADMIN_PASSWORD)).json()) as Tokens;
    const rotated = await soc.call('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: first.refreshToken } });
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as Tokens;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await soc.call('/api/v1/auth/me', { token: second.accessToken })).status).toBe(200);

    const replay = await soc.call('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    // The theft signal revoked the session: the newest tokens stop working too.
    expect((await soc.call('/api/v1/auth/me', { token: second.accessToken })).status).toBe(401);
    expect((await soc.call('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: second.refreshToken } })).status).toBe(401);
    expect((await auditActions()).some((a) => a.action === 'auth.refresh_reuse')).toBe(true);
  });

  it('logs out: the access token stops working at once', async () => {
    const tokens = (await (await loginRaw('admin', TEST_ADMIN_PASSWORD)).json()) as Tokens;
    expect((await soc.call('/api/v1/auth/me', { token: tokens.accessToken })).status).toBe(200);
    expect((await soc.call('/api/v1/auth/logout', { method: 'POST', token: tokens.accessToken })).status).toBe(204);
    expect((await soc.call('/api/v1/auth/me', { token: tokens.accessToken })).status).toBe(401);
    expect((await soc.call('/api/v1/auth/refresh', { method: 'POST', body: { refreshToken: tokens.refreshToken } })).status).toBe(401);
  });

  it('rejects forged, tampered and expired-looking tokens', async () => {
    const [header, payload] = admin.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: 9_999_999_999 })).toString('base64url')}.${admin.split('.')[2]}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    for (const token of [tampered, none, 'garbage', `${admin}x`]) {
      expect((await soc.call('/api/v1/alerts', { token })).status).toBe(401);
    }
  });

  it('changing roles is audited with before and after, and ends the user\'s sessions', async () => {
    expect((await createUser('pham.d', 'Vịnh-Hạ-Long-xanh-biếc-9')).status).toBe(201);
    const token = await soc.login('pham.d', 'Vịnh-Hạ-Long-xanh-biếc-9');
    const users = (await (await soc.call('/api/v1/users', { token: admin })).json()) as Array<{ id: string; username: string }>;
    const id = users.find((u) => u.username === 'pham.d')!.id;
    const res = await soc.call(`/api/v1/users/${id}/roles`, { method: 'PUT', token: admin, body: { roles: ['auditor'], agencyIds: [] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ roles: ['auditor'] });
    expect((await soc.call('/api/v1/auth/me', { token })).status).toBe(401);
    const audit = (await (await soc.call('/api/v1/audit?limit=5', { token: admin })).json()) as Array<{ action: string; details: unknown }>;
    expect(audit.find((a) => a.action === 'users.roles_changed')).toMatchObject({
      details: { before: { roles: ['soc_analyst'] }, after: { roles: ['auditor'] } },
    });
  });

  it('keeps the audit log append-only, even for direct SQL', async () => {
    await expect(db.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('login rate limit', () => {
  let db: TestDatabase;
  let soc: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_LOGIN_RATE_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  it('answers 429 with Retry-After past the per-address limit', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await soc.call('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: 'not-the-password' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
