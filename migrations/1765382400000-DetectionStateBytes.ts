import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection state is opaque to SQL and rewritten with every batch (megabytes for a busy stream): it is
 * stored as the application writes it — gzip-compressed JSON — with no jsonb parsing and no second
 * compression by PostgreSQL (storage EXTERNAL), which cut the bytes each checkpoint writes about tenfold.
 */
export class DetectionStateBytes1765382400000 implements MigrationInterface {
  name = 'DetectionStateBytes1765382400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stream_checkpoints ALTER COLUMN detection_state TYPE bytea USING convert_to(detection_state::text, 'UTF8')`);
    await q.query('ALTER TABLE stream_checkpoints ALTER COLUMN detection_state SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stream_checkpoints ALTER COLUMN detection_state SET STORAGE EXTENDED');
    // Compressed states cannot be read back as JSON by SQL: they are dropped (detection restarts its windows).
    await q.query(`ALTER TABLE stream_checkpoints ALTER COLUMN detection_state TYPE jsonb USING CASE WHEN get_byte(detection_state, 0) = 31 THEN 'null'::jsonb ELSE convert_from(detection_state, 'UTF8')::jsonb END`);
  }
}
