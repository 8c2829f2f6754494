import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Periodic SOC reports (daily, monthly, the half-year and annual network reports): their schedules, kept in
 * the database so operators change them without a deploy (the scheduler runs them with node-cron), and every
 * report generated, one per kind and period.
 */
export class PeriodicReports1765900800000 implements MigrationInterface {
  name = 'PeriodicReports1765900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_schedules (
        kind text PRIMARY KEY CHECK (kind IN ('daily', 'monthly', 'half_year', 'annual')),
        cron text NOT NULL CHECK (length(cron) BETWEEN 9 AND 100),
        enabled boolean NOT NULL DEFAULT true,
        updated_by text NOT NULL DEFAULT 'system',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Local time (SOC_TIMEZONE): the daily report at 07:00, the monthly on the 1st, the network reports a few
    // days before their deadlines (20 Jun, 15 Dec: TT 20/2017 Art. 6).
    await q.query(`
      INSERT INTO report_schedules (kind, cron) VALUES
        ('daily', '0 7 * * *'), ('monthly', '0 7 1 * *'), ('half_year', '0 7 15 6 *'), ('annual', '0 7 10 12 *')`);
    await q.query(`
      CREATE TABLE periodic_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('daily', 'monthly', 'half_year', 'annual')),
        period_from date NOT NULL,
        period_to date NOT NULL,
        generated_at timestamptz NOT NULL DEFAULT now(),
        trigger text NOT NULL CHECK (trigger IN ('scheduled', 'on_demand')),
        requested_by text NOT NULL,
        content jsonb NOT NULL,
        UNIQUE (kind, period_from, period_to),
        CHECK (period_to > period_from)
      )`);
    await q.query('CREATE INDEX periodic_reports_generated_idx ON periodic_reports (generated_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE periodic_reports');
    await q.query('DROP TABLE report_schedules');
  }
}
