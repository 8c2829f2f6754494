import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the registry knows of each source: its format, its clock's zone, and how often it should report. */
export class SourceProfiles1764864000000 implements MigrationInterface {
  name = 'SourceProfiles1764864000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sources ADD COLUMN format_hint text, ADD COLUMN time_zone text, ADD COLUMN expected_interval_seconds integer CHECK (expected_interval_seconds > 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE sources DROP COLUMN format_hint, DROP COLUMN time_zone, DROP COLUMN expected_interval_seconds');
  }
}
