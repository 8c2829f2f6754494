import { MigrationInterface, QueryRunner } from 'typeorm';

/** Host-name searches over a time range (source IP, user, source and agency are indexed already). */
export class EventSearchIndexes1764691200000 implements MigrationInterface {
  name = 'EventSearchIndexes1764691200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX security_events_host_name_ts_idx ON security_events (host_name, ts DESC)');
    await q.query('CREATE INDEX security_events_action_ts_idx ON security_events (action, ts DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX security_events_action_ts_idx');
    await q.query('DROP INDEX security_events_host_name_ts_idx');
  }
}
