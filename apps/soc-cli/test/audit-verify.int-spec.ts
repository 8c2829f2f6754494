import { DataSource } from 'typeorm';
import { AuditRepository, AuditTrail, GENESIS_HASH } from '@soc/audit';
import type { Clock } from '@soc/shared';
import { dataSourceOptions, TransactionRunner } from '@soc/storage';
import { createAuditVerifyCommand } from '../src/commands/audit-verify.command';
import { runCli } from '../src/run-cli';
import { captureCli, type CliIo } from './cli-capture';
import { startTestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';
import { TEST_DB_PREFIX, TEST_ENV, withDatabase } from '../../../test/support/test-env';

const collect = (run: (io: CliIo) => Promise<number>) => captureCli(run);

const cli = (argv: string[], env: Record<string, string>) => collect((io) => runCli(argv, { ...io, env }));

/** Millisecond times that are not whole seconds, so a lost millisecond would show. */
function steppingClock(): Clock {
  let tick = 0;
  return { now: () => new Date(Date.UTC(2025, 2, 1, 1, 0, 0, 123) + tick++ * 1_001) };
}

const NESTED_DETAILS = {
  user: { name: 'Nguyễn Thị Ánh', unit: 'Sở Tài chính tỉnh Bình Định' },
  roles: ['agency_it', { role: 'ir_member', scope: { agencies: ['ubnd-xa-tan-phu', 'so-y-te'], since: '2025-03-01' } }],
  note: 'Đã xác minh qua điện thoại — “khẩn”',
  z: 0.30000000000000004,
  a: [true, null, 1e-7],
};

describe('soc-cli audit verify (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: DataSource;
  let repository: AuditRepository;
  let env: Record<string, string>;

  /** Edits rows as the database owner would: with the append-only trigger off for one transaction. */
  async function tamper(sql: string, params: unknown[] = []): Promise<void> {
    await db.query('BEGIN');
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await db.query(sql, params);
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await db.query('COMMIT');
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { DATABASE_URL: db.url };
    // The application's own connection, as the server opens it.
    app = new DataSource(dataSourceOptions({ url: db.url, poolSize: 2, entities: [], migrations: [] }));
    await app.initialize();
    repository = new AuditRepository(app);
    const trail = new AuditTrail(repository, steppingClock());
    const transactions = new TransactionRunner(app);

    await trail.record({ actor: 'user:admin', action: 'auth.login', target: 'user:admin', details: { clientIp: '10.0.0.1' } });
    await trail.record({ actor: 'user:admin', action: 'users.create', target: 'user:anh', agencyId: 'so-tai-chinh', details: { roles: ['agency_it'] } });
    await trail.record({ actor: 'user:admin', action: 'users.roles_changed', target: 'user:anh', agencyId: 'so-tai-chinh', details: NESTED_DETAILS });
    await trail.record({ actor: 'user:anh', action: 'auth.login', target: 'user:anh', details: { clientIp: '10.1.2.3', agent: 'Cốc Cốc' } });
    // A caller's own time in another form is hashed and stored as the instant it names.
    await repository.append({ at: '2025-03-01T08:30:00.5+07:00', actor: 'system', action: 'sources.silent', target: 'source:fw-01', details: {} });
    // An append whose transaction rolls back still uses up a sequence number.
    await expect(
      transactions.run(async (tx) => {
        await trail.record({ actor: 'user:admin', action: 'users.delete', target: 'user:anh', details: {} }, tx);
        throw new Error('the change it described failed');
      }),
    ).rejects.toThrow('the change it described failed');
    await trail.record({ actor: 'user:admin', action: 'auth.logout', target: 'user:admin', details: { reason: 'Đăng xuất' } });
  });

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  });

  it('reads the chain back oldest first with the exact instants and content that were hashed', async () => {
    const chain = await repository.readChain(0, 100);
    expect(chain.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(chain.map((r) => r.at)).toEqual([
      '2025-03-01T01:00:00.123Z',
      '2025-03-01T01:00:01.124Z',
      '2025-03-01T01:00:02.125Z',
      '2025-03-01T01:00:03.126Z',
      '2025-03-01T01:30:00.500Z',
      '2025-03-01T01:00:05.128Z', // the rolled-back append read the clock at 04.127
    ]);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[5]!.prevHash).toBe(chain[4]!.hash);
    expect(chain[2]!.details).toEqual(NESTED_DETAILS);
    expect((await repository.readChain(3, 2)).map((r) => r.seq)).toEqual([4, 5]);
  });

  it('reports a fresh log intact with its last seq and hash, across pages too', async () => {
    const [last] = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = 7');
    const expected = `audit: chain intact, 6 records, last seq 7 (hash ${last!.hash}); 1 sequence number left unused by rolled-back appends\n`;
    expect(await cli(['audit', 'verify'], env)).toEqual({ code: 0, stdout: expected, stderr: '' });
    const paged = await collect((io) => createAuditVerifyCommand(2).run(['verify'], { ...io, env }));
    expect(paged).toEqual({ code: 0, stdout: expected, stderr: '' });
  });

  it('is append-only for the application database role: UPDATE, DELETE and TRUNCATE raise', async () => {
    await expect(app.query(`UPDATE audit_log SET details = '{}' WHERE seq = 3`)).rejects.toThrow('audit_log is append-only');
    await expect(app.query('DELETE FROM audit_log WHERE seq = 3')).rejects.toThrow('audit_log is append-only');
    await expect(app.query('TRUNCATE audit_log')).rejects.toThrow('audit_log is append-only');
    expect(await db.query('SELECT seq FROM audit_log ORDER BY seq')).toHaveLength(6);
  });

  it('names a record whose nested details were altered by hand, and passes again once they are restored', async () => {
    const [original] = await db.query<{ details: string }>('SELECT details::text FROM audit_log WHERE seq = 3');
    await tamper(`UPDATE audit_log SET details = jsonb_set(details, '{roles,1,scope,agencies,0}', '"so-noi-vu"') WHERE seq = 3`);
    expect(await cli(['audit', 'verify'], env)).toEqual({
      code: 1,
      stdout: 'audit: chain BROKEN at record 3: content altered: hash does not match the record (after 2 records verified)\n',
      stderr: '',
    });

    await tamper('UPDATE audit_log SET details = $1::jsonb WHERE seq = 3', [original!.details]);
    expect((await cli(['audit', 'verify'], env)).code).toBe(0);
  });

  it('names a deleted record as missing', async () => {
    await tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(await cli(['audit', 'verify'], env)).toEqual({
      code: 1,
      stdout: "audit: chain BROKEN at record 4: record 4 missing: record 5's prev_hash does not match record 3's hash (after 3 records verified)\n",
      stderr: '',
    });
  });

  it('exits 2, not 1, when it cannot check at all', async () => {
    const missing = withDatabase(process.env[TEST_ENV.pgServerUrl]!, `${TEST_DB_PREFIX}_no_such_db`);
    const unreachable = await cli(['audit', 'verify'], { DATABASE_URL: missing });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stdout).toBe('');
    expect(unreachable.stderr).toMatch(/^soc-cli audit verify: could not verify: DATABASE_UNAVAILABLE: cannot connect to .*no_such_db.*does not exist\n$/);

    const usage = await cli(['audit', 'check'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: audit verify');
    expect((await cli(['help'], env)).stdout).toContain('audit verify');
  });
});

describe('soc-cli audit verify on a log the running app wrote', () => {
  it('reports the chain intact', async () => {
    const db = await createTestDatabase();
    const soc = await startTestApp(db.url, { SOC_ROLES: 'api,ingest' });
    try {
      const admin = await soc.adminToken();
      expect((await soc.call('/api/v1/auth/login', { method: 'POST', body: { username: 'admin', password: 'wrong-password-123' } })).status).toBe(401);
      expect((await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-y-te', name: 'Sở Y tế' } })).status).toBe(201);
      const source = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id: 'fw-yt', name: 'Tường lửa Sở Y tế', agencyId: 'so-y-te' } });
      expect(source.status).toBe(201);
      const [row] = await db.query<{ count: string }>('SELECT count(*) FROM audit_log');
      const count = Number(row!.count);
      expect(count).toBeGreaterThanOrEqual(4);

      const result = await cli(['audit', 'verify'], { DATABASE_URL: db.url });
      expect(result.stdout).toMatch(new RegExp(`^audit: chain intact, ${count} records, last seq \\d+ \\(hash [0-9a-f]{64}\\)`));
      expect(result.code).toBe(0);
    } finally {
      await soc.close();
      await db.drop();
    }
  });
});
