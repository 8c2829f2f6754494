import { Client } from 'pg';
import { runCli } from '../src/run-cli';
import { captureCli } from './cli-capture';
import { createTestDatabase } from '../../../test/support/test-database';
import { TEST_DB_PREFIX, TEST_ENV, withDatabase } from '../../../test/support/test-env';

const run = (argv: string[], stdinText = '', env: Record<string, string> = {}) => captureCli((io) => runCli(argv, io), stdinText, env);

describe('soc-cli', () => {
  it('parse: prints one normalized event per line and a summary with dead letters', async () => {
    const input = 'Nov 30 16:40:01 web01 sshd[1]: Failed password for root from 203.0.113.5 port 22 ssh2\n\nnot syslog\n';
    const result = await run(['parse', '--source', 'fw-01'], input);
    expect(result.code).toBe(0);
    const [event, dead] = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(event).toMatchObject({ event: { action: 'ssh_login', outcome: 'failure' }, source: { ip: '203.0.113.5' }, soc: { source_id: 'fw-01' } });
    expect(dead).toEqual({ deadLetter: 'unrecognized format: not a syslog line', original: 'not syslog' });
    expect(result.stderr).toBe('parse: 2 lines, parsed 1, dead letters 1\n');
  });

  it('rejects unknown commands and options with usage and exit code 2', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const badOption = await run(['parse', '--bogus']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Usage: parse');
    expect((await run(['help'])).stdout).toContain('migrate');
  });

  it('migrate: applies the migrations to an empty database once, then reports it up to date', async () => {
    const server = process.env[TEST_ENV.pgServerUrl]!;
    const name = `${TEST_DB_PREFIX}_cli_${process.pid}`;
    const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const env = { DATABASE_URL: withDatabase(server, name) };
      const first = await run(['migrate'], '', env);
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toContain('applied InitialSchema1764518400000');
      expect((await run(['migrate'], '', env)).stdout).toContain('schema up to date');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('fails with a one-line coded message on bad configuration', async () => {
    const result = await run(['migrate'], '', { DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^soc-cli migrate: CONFIG_INVALID: .*DATABASE_URL/);
  });

  it('dlq replay: recovers dead letters the current parsers can read, once, and keeps the rest with their new reason', async () => {
    const db = await createTestDatabase();
    try {
      const insert = (raw: string) =>
        db.query(
          `INSERT INTO dead_letters (received_at, source_id, transport, stream, reason, raw, agency_id) VALUES (now(), 'fw-old', 'syslog', 'in-process', 'old parser', $1, NULL)`,
          [Buffer.from(raw)],
        );
      await insert('Nov 30 16:40:00 web01 sshd[1]: Failed password for root from 203.0.113.5 port 22 ssh2');
      await insert('\u0001 still not a log line');
      const env = { DATABASE_URL: db.url };
      const first = await run(['dlq', 'replay'], '', env);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ examined: 2, recovered: 1, stillFailing: 1 });
      const events = await db.query<{ source_id: string; action: string }>('SELECT source_id, action FROM security_events');
      expect(events).toEqual([{ source_id: 'fw-old', action: 'ssh_login' }]);
      const letters = await db.query<{ reason: string; recovered: boolean }>('SELECT reason, replayed_at IS NOT NULL AS recovered FROM dead_letters ORDER BY id');
      expect(letters).toEqual([
        { reason: 'old parser', recovered: true },
        { reason: 'unrecognized format: not a syslog line', recovered: false },
      ]);
      expect(JSON.parse((await run(['dlq', 'replay'], '', env)).stdout)).toMatchObject({ examined: 1, recovered: 0 });
      expect((await db.query('SELECT 1 FROM security_events')).length).toBe(1);
      expect((await run(['dlq', 'replay', '--limit', 'x'], '', env)).code).toBe(2);
    } finally {
      await db.drop();
    }
  });
});
