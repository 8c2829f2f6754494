import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection state is opaque to SQL and rewritten with every batch (megabytes for a busy stream): kept as
 * text, it is stored as written, without jsonb's parse and conversion on every checkpoint.
 */
export class DetectionStateText1765382400000 implements MigrationInterface {
  name = 'DetectionStateText1765382400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stream_checkpoints ALTER COLUMN detection_state TYPE text USING detection_state::text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stream_checkpoints ALTER COLUMN detection_state TYPE jsonb USING detection_state::jsonb');
  }
}
