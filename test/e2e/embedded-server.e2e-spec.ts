import { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { LiveFeedClient } from '../support/live-feed-client';
import { buildServer, PROJECT_ROOT, spawnServer } from '../support/server-process';
import { failedSshLines } from '../support/ssh-lines';


/**
 * The README's first command as a newcomer runs it: the built server with no DATABASE_URL and no
 * KAFKA_BROKERS starts its own PostgreSQL under the data folder and the in-process bus, keeps the
 * data across a stop and start, and shuts down cleanly on SIGTERM.
 */
describe('the server on the embedded default (real process, own PostgreSQL)', () => {
  const dataDir = join(PROJECT_ROOT, 'data', `test-embedded-${process.pid}`);
  let port: number;
  let pgPort: number;
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    buildServer();
    [port, pgPort] = [await freePort(), await freePort()];
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    // No DATABASE_URL, no KAFKA_BROKERS: the embedded default.
    const env = {
      SOC_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      SYSLOG_PORT: '0',
      LOG_LEVEL: 'warn',
      // A short lateness budget: the brute-force window is judged once the stream has been quiet for 2 s (idle flush).
      SOC_DETECTION_LATENESS_MS: '2000',
      SOC_DETECTION_IDLE_CHECK_MS: '250',
    };
    server = spawnServer(env, (text) => (output += text));
    await eventually(
      async () => {
        if (server!.exitCode !== null) throw new Error(`server exited with ${server!.exitCode}: ${output}`);
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => undefined);
        return res?.status === 200 ? ((await res.json()) as { status: string; transport: { kind: string } }) : undefined;
      },
      'health ok',
      60_000,
    ).then((health) => expect(health).toMatchObject({ status: 'ok', transport: { kind: 'in-process' } }));
  };

  const stop = async () => {
    const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
    server!.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;
  };

  /** The first start printed and saved generated credentials; a newcomer reads them from the file. */
  const credentials = () =>
    JSON.parse(readFileSync(join(dataDir, 'bootstrap-credentials.json'), 'utf8')) as { adminPassword: string; ingestKey: string };
  const token = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: credentials().adminPassword }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const alerts = async () =>
    ((await (await fetch(`http://127.0.0.1:${port}/api/v1/alerts`, { headers: { Authorization: `Bearer ${await token()}` } })).json()) as {
      items: Array<{ id: string; eventCount: number }>;
    }).items;

  it('starts, turns six failed logins into an alert pushed on /ws, and keeps it across a restart', async () => {
    await start();
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(statSync(join(dataDir, 'bootstrap-credentials.json')).mode & 0o777).toBe(0o600);
    expect(output).toContain(credentials().adminPassword);
    const feed = await LiveFeedClient.connect(`ws://127.0.0.1:${port}/ws`, await token());
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/ingest`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${credentials().ingestKey}` },
      body: failedSshLines('203.0.113.66', 6).join('\n'),
    });
    expect(res.status).toBe(202);
    const pushed = await feed.waitFor((m) => m.type === 'alert.created');
    feed.close();
    const before = await alerts();
    expect(before).toEqual([expect.objectContaining({ id: pushed.data.id, eventCount: 6 })]);

    await stop();
    // A clean stop also stops PostgreSQL: no pid file is left behind.
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(false);

    await start();
    expect(await alerts()).toEqual(before);
    await stop();
  });

  it('recovers when the previous server was SIGKILLed and left its PostgreSQL running', async () => {
    await start();
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGKILL');
    await exited;
    server = undefined;
    expect(existsSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'))).toBe(true);

    await start();
    expect((await alerts()).length).toBe(1);
    await stop();
  });
});
