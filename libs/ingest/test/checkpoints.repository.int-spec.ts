import { emptyDetectionState } from '@soc/detection';
import { CheckpointsRepository } from '@soc/ingest';
import { TransactionRunner } from '@soc/storage';
import { startTestApp, TestApp } from '../../../test/support/test-app';
import { createTestDatabase, TestDatabase } from '../../../test/support/test-database';

describe('CheckpointsRepository (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let checkpoints: CheckpointsRepository;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ROLES: 'ingest' });
    checkpoints = soc.app.get(CheckpointsRepository);
    transactions = soc.app.get(TransactionRunner);
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  it('returns from save the version the next lock sees, so unchanged state is not re-read', async () => {
    const state = emptyDetectionState();
    const saved = await transactions.run(async (tx) => {
      await checkpoints.lock(tx, 'v/0');
      return checkpoints.save(tx, 'v/0', '42', state);
    });
    expect(saved).toMatch(/^\d+$/);
    const head = await transactions.run((tx) => checkpoints.lock(tx, 'v/0'));
    expect(head).toEqual({ nextOffset: '42', version: saved });

    const resaved = await transactions.run(async (tx) => {
      await checkpoints.lock(tx, 'v/0');
      return checkpoints.save(tx, 'v/0', '43', state);
    });
    expect(resaved).not.toBe(saved);
    expect(await checkpoints.nextOffset('v/0')).toBe('43');
    expect(await transactions.run((tx) => checkpoints.loadState(tx, 'v/0'))).toEqual(state);
  });
});
