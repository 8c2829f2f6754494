import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { exited, PROJECT_ROOT, spawnServer } from './server-process';

export const SPAWNED_ADMIN_PASSWORD = 'correct-Horse-battery-42';
export const SPAWNED_INGEST_KEY = 'soc_test-bootstrap-ingest-key-0123456789abcdef';
/** Shared by every spawned node of a test, as all API nodes of a deployment share it. */
const SPAWNED_JWT_SECRET = 'spawned-test-jwt-secret-long-enough-0123456789';

/** A built server running as a child process, and the calls a test makes on it. */
export interface SpawnedSoc {
  process: ChildProcess;
  baseUrl: string;
  wsUrl: string;
  /** Logs in as the bootstrap admin; returns the access token. */
  adminToken(): Promise<string>;
  /** Posts raw lines to /api/v1/ingest with the bootstrap source's key; answers the status. */
  ingest(lines: string[]): Promise<number>;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** What the process printed, for failure messages. */
  output(): string;
}

/**
 * Starts `dist/apps/soc-server` (build first: `buildServer()`) with the test secrets, the pinned SSH
 * rules and no lateness budget, on a free port; resolves once /api/v1/health answers 200.
 */
export async function startSpawnedSoc(env: Record<string, string>): Promise<SpawnedSoc> {
  const port = await freePort();
  let output = '';
  const child = spawnServer(
    {
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SOC_JWT_SECRET: SPAWNED_JWT_SECRET,
      SOC_BOOTSTRAP_ADMIN_PASSWORD: SPAWNED_ADMIN_PASSWORD,
      SOC_BOOTSTRAP_INGEST_KEY: SPAWNED_INGEST_KEY,
      SOC_RULES_DIR: join(PROJECT_ROOT, 'test', 'support', 'rules'),
      SOC_DETECTION_LATENESS_MS: '0',
      SYSLOG_ENABLED: 'false',
      ...env,
    },
    (text) => (output += text),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.slice(-3000)}`);
      const res = await fetch(`${baseUrl}/api/v1/health`).catch(() => undefined);
      return res?.status === 200 ? true : undefined;
    },
    'health ok',
    60_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${output.slice(-3000)}`);
  });
  return {
    process: child,
    baseUrl,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    adminToken: async () => {
      const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: SPAWNED_ADMIN_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    ingest: async (lines) => {
      const res = await fetch(`${baseUrl}/api/v1/ingest`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${SPAWNED_INGEST_KEY}` },
        body: lines.join('\n'),
      });
      return res.status;
    },
    stop: (signal = 'SIGTERM') => {
      const done = exited(child);
      child.kill(signal);
      return done;
    },
    output: () => output,
  };
}
