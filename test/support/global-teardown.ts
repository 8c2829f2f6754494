import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_ENV } from './test-env';

const state = globalThis as { socTestEmbeddedPg?: { stop(): Promise<void> }; socTestKafkaStarted?: boolean };

/** Stops what globalSetup started (and nothing it merely found running). */
export default async function globalTeardown(): Promise<void> {
  await state.socTestEmbeddedPg?.stop();
  // The run's shared build marker (see buildServer).
  rmSync(join(tmpdir(), `soc-test-build-${process.env[TEST_ENV.runId]}`), { recursive: true, force: true });
  if (state.socTestKafkaStarted) spawnSync(join(__dirname, '..', '..', 'deploy', 'kafka', 'stop.sh'), { stdio: 'ignore' });
}
