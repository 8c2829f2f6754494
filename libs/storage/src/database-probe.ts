import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Answers "is the database reachable, and how fast" for health checks. */
@Injectable()
export class DatabaseProbe {
  constructor(private readonly dataSource: DataSource) {}

  async ping(): Promise<number> {
    const started = process.hrtime.bigint();
    await this.dataSource.query('SELECT 1');
    return Number((process.hrtime.bigint() - started) / 1_000_000n);
  }
}
