import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Threat-intelligence lists and their indicators (IP/CIDR, domain, URL, file hash), matched against
 * events in memory. `revision` takes a new value from one sequence at every change to a list, so
 * a node can tell whether its in-memory index is current from the set of (id, revision) pairs alone.
 */
export class ThreatIntel1765123200000 implements MigrationInterface {
  name = 'ThreatIntel1765123200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE intel_revision_seq');
    await q.query(`
      CREATE TABLE intel_lists (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
        severity text NOT NULL DEFAULT 'medium' CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        source_kind text NOT NULL DEFAULT 'manual' CHECK (source_kind IN ('csv', 'stix', 'manual')),
        revision bigint NOT NULL DEFAULT nextval('intel_revision_seq'),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Values are stored normalised (lower-case host, canonical network, ...), so equality is identity.
    await q.query(`
      CREATE TABLE intel_indicators (
        id bigserial PRIMARY KEY,
        list_id text NOT NULL REFERENCES intel_lists (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('ip', 'domain', 'url', 'md5', 'sha1', 'sha256')),
        value text NOT NULL CHECK (octet_length(value) BETWEEN 1 AND 2048),
        severity text CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        description text CHECK (length(description) <= 1000),
        valid_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (list_id, type, value)
      )`);
    await q.query("COMMENT ON COLUMN intel_indicators.severity IS 'null: the list''s severity'");
    await q.query('CREATE INDEX intel_indicators_list_idx ON intel_indicators (list_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE intel_indicators');
    await q.query('DROP TABLE intel_lists');
    await q.query('DROP SEQUENCE intel_revision_seq');
  }
}
