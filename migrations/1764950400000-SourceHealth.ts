import { MigrationInterface, QueryRunner } from 'typeorm';

/** When each source last delivered a record, and since when it has been silent (null: reporting). */
export class SourceHealth1764950400000 implements MigrationInterface {
  name = 'SourceHealth1764950400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sources ADD COLUMN last_seen_at timestamptz, ADD COLUMN silent_since timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sources DROP COLUMN last_seen_at, DROP COLUMN silent_since');
  }
}
