import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dead letters remember whether a later parser recovered them, and into which event. */
export class DeadLetterReplay1764777600000 implements MigrationInterface {
  name = 'DeadLetterReplay1764777600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE dead_letters ADD COLUMN replayed_at timestamptz, ADD COLUMN replayed_event_id uuid');
    await q.query('CREATE INDEX dead_letters_pending_idx ON dead_letters (id) WHERE replayed_at IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX dead_letters_pending_idx');
    await q.query('ALTER TABLE dead_letters DROP COLUMN replayed_at, DROP COLUMN replayed_event_id');
  }
}
