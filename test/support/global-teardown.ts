import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const state = globalThis as { socTestEmbeddedPg?: { stop(): Promise<void> }; socTestKafkaStarted?: boolean };

/** Stops what globalSetup started (and nothing it merely found running). */
export default async function globalTeardown(): Promise<void> {
  await state.socTestEmbeddedPg?.stop();
  if (state.socTestKafkaStarted) spawnSync(join(__dirname, '..', '..', 'deploy', 'kafka', 'stop.sh'), { stdio: 'ignore' });
}
