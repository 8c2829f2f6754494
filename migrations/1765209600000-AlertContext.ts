import { MigrationInterface, QueryRunner } from 'typeorm';

/** The highest security level among an alert's systems, as a column: alerts are ranked and filtered by it. */
export class AlertContext1765209600000 implements MigrationInterface {
  name = 'AlertContext1765209600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE alerts ADD COLUMN security_level smallint CHECK (security_level BETWEEN 1 AND 5)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE alerts DROP COLUMN security_level');
  }
}
