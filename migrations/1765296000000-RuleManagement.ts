import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Detection rules managed at run time: rules written in the console (every version kept), switches per
 * rule and agency, and analysts' exceptions with an author and an expiry. `detection_revision` moves on
 * every change, so each node can tell cheaply that its compiled rules are stale and reload them.
 */
export class RuleManagement1765296000000 implements MigrationInterface {
  name = 'RuleManagement1765296000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE detection_revision_seq');
    await q.query(`
      CREATE TABLE detection_rules (
        rule_id text PRIMARY KEY CHECK (length(rule_id) BETWEEN 1 AND 200),
        version integer NOT NULL,
        yaml text NOT NULL CHECK (length(yaml) <= 200000),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE detection_rule_versions (
        rule_id text NOT NULL REFERENCES detection_rules (rule_id) ON DELETE CASCADE,
        version integer NOT NULL,
        yaml text NOT NULL,
        author text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, version)
      )`);
    // agency_id '*' is the switch for every agency; an agency's own row wins over it.
    await q.query(`
      CREATE TABLE detection_rule_switches (
        rule_id text NOT NULL,
        agency_id text NOT NULL,
        enabled boolean NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE detection_exceptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id text NOT NULL,
        agency_id text REFERENCES agencies (id),
        field text NOT NULL CHECK (length(field) BETWEEN 1 AND 200),
        field_values text[] NOT NULL CHECK (cardinality(field_values) BETWEEN 1 AND 1000),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        author text NOT NULL,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX detection_exceptions_rule_idx ON detection_exceptions (rule_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE detection_exceptions');
    await q.query('DROP TABLE detection_rule_switches');
    await q.query('DROP TABLE detection_rule_versions');
    await q.query('DROP TABLE detection_rules');
    await q.query('DROP SEQUENCE detection_revision_seq');
  }
}
