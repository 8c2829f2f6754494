import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national monitoring center connector's cursor into the outbox, one row per connector (channel).
 * The outbox already holds every message in commit order, so the queue is the outbox itself: delivery
 * advances `last_delivered_seq` only once the receiver accepted a batch, and failures leave it in place.
 */
export class NationalConnector1765814400000 implements MigrationInterface {
  name = 'NationalConnector1765814400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE national_connector_state (
        name text PRIMARY KEY,
        last_delivered_seq bigint NOT NULL CHECK (last_delivered_seq >= 0),
        last_success_at timestamptz NULL,
        last_attempt_at timestamptz NULL,
        last_error text NULL,
        consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Layer 4 reads the newest share; the status reads it per channel.
    await q.query('CREATE INDEX national_shares_shared_at_idx ON national_shares (shared_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS national_shares_shared_at_idx');
    await q.query('DROP TABLE IF EXISTS national_connector_state');
  }
}
