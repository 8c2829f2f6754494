import { MigrationInterface, QueryRunner } from 'typeorm';

/** People, log sources and their keys, agencies for scoping, and the audit trail. */
export class AccessControl1764604800000 implements MigrationInterface {
  name = 'AccessControl1764604800000';

  async up(q: QueryRunner): Promise<void> {
    // The hierarchy (province → departments/districts → communes) and contacts arrive with posture (issue 7).
    await q.query(`
      CREATE TABLE agencies (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text,
        roles text[] NOT NULL,
        agency_ids text[] NOT NULL DEFAULT '{}',
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // A login session; the refresh token is its id plus a secret stored only as a hash, rotated on use.
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        refresh_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await q.query(`
      CREATE TABLE sources (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9._:-]{1,128}$'),
        name text NOT NULL,
        agency_id text REFERENCES agencies(id),
        api_key_hash text UNIQUE,
        api_key_prefix text,
        allowed_ips cidr[] NOT NULL DEFAULT '{}',
        key_rotated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Append-only and hash-chained: each record's hash covers the previous hash and its own content.
    await q.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        agency_id text,
        details jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    for (const table of ['security_events', 'alerts', 'outbox', 'dead_letters']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN agency_id text`);
    }
    await q.query(`CREATE INDEX alerts_agency_id_created_at_idx ON alerts (agency_id, created_at DESC)`);
    await q.query(`CREATE INDEX security_events_agency_id_ts_idx ON security_events (agency_id, ts DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['security_events', 'alerts', 'outbox', 'dead_letters']) {
      await q.query(`ALTER TABLE ${table} DROP COLUMN agency_id`);
    }
    await q.query('DROP TABLE audit_log');
    await q.query('DROP FUNCTION audit_log_append_only');
    for (const table of ['sources', 'sessions', 'users', 'agencies']) await q.query(`DROP TABLE ${table}`);
  }
}
