import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Information systems (with their approved security level) and the assets that identify them, so
 * ingest can tell which system an event concerns; events keep the system and level they had then.
 */
export class AssetInventory1765036800000 implements MigrationInterface {
  name = 'AssetInventory1765036800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE information_systems (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        agency_id text NOT NULL REFERENCES agencies (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        security_level smallint CHECK (security_level BETWEEN 1 AND 5),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX information_systems_agency_idx ON information_systems (agency_id)');
    // One owner per address and per name: enrichment must be deterministic.
    await q.query(`
      CREATE TABLE assets (
        id bigserial PRIMARY KEY,
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('network', 'hostname')),
        network cidr UNIQUE,
        hostname text UNIQUE CHECK (hostname = lower(hostname)),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'network') = (network IS NOT NULL) AND (kind = 'hostname') = (hostname IS NOT NULL))
      )`);
    await q.query('CREATE INDEX assets_system_idx ON assets (system_id)');
    await q.query('ALTER TABLE security_events ADD COLUMN system_id text, ADD COLUMN security_level smallint');
    await q.query('CREATE INDEX security_events_system_ts_idx ON security_events (system_id, ts DESC) WHERE system_id IS NOT NULL');
    // Which (partition day, retention class) pairs retention has already trimmed; class 0 = no known level.
    await q.query(`
      CREATE TABLE event_retention_trims (
        day date NOT NULL,
        retention_class smallint NOT NULL CHECK (retention_class BETWEEN 0 AND 5),
        rows_deleted bigint NOT NULL,
        trimmed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (day, retention_class)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE event_retention_trims');
    await q.query('DROP INDEX security_events_system_ts_idx');
    await q.query('ALTER TABLE security_events DROP COLUMN security_level, DROP COLUMN system_id');
    await q.query('DROP TABLE assets');
    await q.query('DROP TABLE information_systems');
  }
}
