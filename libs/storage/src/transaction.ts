import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * An open database transaction, opaque to services: they pass it from the unit of work to
 * repositories, which alone look inside (`managerOf`). Services never see TypeORM.
 */
export abstract class Tx {
  protected abstract readonly brand: 'Tx';
}

class TypeOrmTx extends Tx {
  protected readonly brand = 'Tx' as const;
  constructor(readonly manager: EntityManager) {
    super();
  }
}

/** For repositories only. */
export function managerOf(tx: Tx): EntityManager {
  if (!(tx instanceof TypeOrmTx)) throw new Error('Tx was not created by TransactionRunner');
  return tx.manager;
}

/** The unit of work: everything done with the given `Tx` commits together or not at all. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new TypeOrmTx(manager)));
  }
}

/**
 * Takes a PostgreSQL advisory lock for the rest of the transaction if it is free. Scheduled jobs use
 * it so that one node runs each tick, however many nodes have the scheduler role.
 */
export async function tryTransactionLock(tx: Tx, key: number): Promise<boolean> {
  const rows: Array<{ locked: boolean }> = await managerOf(tx).query('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
  return rows[0]?.locked === true;
}
