import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live feed that loses nothing: outbox messages carry an optional priority (P1 most urgent), so a
 * client's `minPriority` filter can be applied when replaying from the outbox; and each user's highest
 * acknowledged seq is kept, so a console can resume from it after a restart.
 */
export class LiveFeedDelivery1765555200000 implements MigrationInterface {
  name = 'LiveFeedDelivery1765555200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN priority text NULL CONSTRAINT outbox_priority_check CHECK (priority IN ('P1', 'P2', 'P3', 'P4'))`);
    await q.query(`
      CREATE TABLE live_feed_acks (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        last_acked_seq bigint NOT NULL CHECK (last_acked_seq >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS live_feed_acks');
    await q.query('ALTER TABLE outbox DROP COLUMN IF EXISTS priority');
  }
}
