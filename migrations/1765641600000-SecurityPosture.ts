import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security posture: agencies in their hierarchy with incident-response focal contacts and their on-site
 * security unit (layer 1); information systems with what classification needs (owner, operator, type,
 * information types, data subjects, online public services, 24/7, go-live), their security-level dossier
 * (proposed and approved level, status, decision, regime) and security regulation; requirement status per
 * catalogue item; monitoring services (layer 2); independent assessments (layer 3); the connection to the
 * national monitoring center (layer 4); which sources report on each system; imported vulnerabilities; re-determination reviews; daily KPI
 * snapshots; and which deadline reminders were sent.
 */
export class SecurityPosture1765641600000 implements MigrationInterface {
  name = 'SecurityPosture1765641600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agencies
        ADD COLUMN parent_id text REFERENCES agencies (id),
        ADD COLUMN kind text NOT NULL DEFAULT 'department' CHECK (kind IN ('province', 'department', 'district', 'commune', 'other')),
        ADD COLUMN ir_contacts jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(ir_contacts) = 'array'),
        ADD COLUMN security_unit jsonb CHECK (security_unit IS NULL OR jsonb_typeof(security_unit) = 'object'),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT agencies_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)`);
    await q.query('CREATE INDEX agencies_parent_idx ON agencies (parent_id)');

    await q.query(`
      ALTER TABLE information_systems
        ADD COLUMN owner text,
        ADD COLUMN operator text,
        ADD COLUMN security_unit text,
        ADD COLUMN system_type text CHECK (system_type IN ('internal', 'public_service', 'infrastructure', 'industrial_control', 'other')),
        ADD COLUMN information_types text[] NOT NULL DEFAULT '{}'
          CHECK (information_types <@ ARRAY['public', 'private', 'personal', 'state_secret']::text[]),
        ADD COLUMN data_subjects integer CHECK (data_subjects >= 0),
        ADD COLUMN sensitive_personal_data boolean NOT NULL DEFAULT false,
        ADD COLUMN public_service_level smallint CHECK (public_service_level BETWEEN 0 AND 4),
        ADD COLUMN operates_24x7 boolean NOT NULL DEFAULT false,
        ADD COLUMN go_live date,
        ADD COLUMN proposed_level smallint CHECK (proposed_level BETWEEN 1 AND 5),
        ADD COLUMN dossier_status text NOT NULL DEFAULT 'draft' CHECK (dossier_status IN ('draft', 'submitted', 'appraised', 'approved', 'returned')),
        ADD COLUMN dossier_submitted_on date,
        ADD COLUMN decision_number text,
        ADD COLUMN decision_date date,
        ADD COLUMN approver text,
        ADD COLUMN regulation_status text NOT NULL DEFAULT 'none' CHECK (regulation_status IN ('none', 'draft', 'issued')),
        ADD COLUMN regime_id text NOT NULL DEFAULT 'nd85-2016',
        ADD COLUMN national_connected boolean NOT NULL DEFAULT false,
        ADD COLUMN national_connected_on date`);

    await q.query(`
      CREATE TABLE system_requirements (
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        item_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('met', 'partial', 'not_met', 'not_applicable')),
        evidence text,
        owner text,
        remediation_date date,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (system_id, item_id)
      )`);

    await q.query(`
      CREATE TABLE monitoring_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
        provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('own', 'contracted')),
        contract_ref text,
        valid_from date,
        valid_to date,
        system_ids text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
      )`);
    await q.query('CREATE INDEX monitoring_services_agency_idx ON monitoring_services (agency_id)');

    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        assessor text NOT NULL CHECK (length(assessor) BETWEEN 1 AND 300),
        assessed_on date NOT NULL,
        scope text,
        open_findings integer NOT NULL DEFAULT 0 CHECK (open_findings >= 0),
        report_ref text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX assessments_system_idx ON assessments (system_id, assessed_on DESC)');

    await q.query(`
      CREATE TABLE vulnerabilities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        reference text NOT NULL,
        title text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'accepted')),
        found_on date,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (system_id, reference)
      )`);

    // Re-determination of a system's level (NĐ 331 Art. 10.2: change of function, users, data, technology; serious incident).
    await q.query(`
      CREATE TABLE posture_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        trigger text NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX posture_reviews_one_open_idx ON posture_reviews (system_id, trigger) WHERE status = 'open'`);

    // Which sources report on which system, kept by ingest per batch: layer 2 is checked against it cheaply.
    await q.query(`
      CREATE TABLE system_sources (
        system_id text NOT NULL REFERENCES information_systems (id) ON DELETE CASCADE,
        source_id text NOT NULL,
        last_event_at timestamptz NOT NULL,
        last_received_at timestamptz NOT NULL,
        PRIMARY KEY (system_id, source_id)
      )`);

    // Successful shares with the national monitoring center, written by the outbound connector (layer 4).
    await q.query(`
      CREATE TABLE national_shares (
        id bigserial PRIMARY KEY,
        shared_at timestamptz NOT NULL DEFAULT now(),
        channel text NOT NULL,
        items integer NOT NULL CHECK (items >= 0)
      )`);

    await q.query(`
      CREATE TABLE posture_snapshots (
        taken_on date PRIMARY KEY,
        kpis jsonb NOT NULL,
        taken_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE deadline_reminders (
        key text PRIMARY KEY,
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['deadline_reminders', 'posture_snapshots', 'national_shares', 'system_sources', 'posture_reviews', 'vulnerabilities', 'assessments', 'monitoring_services', 'system_requirements']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`
      ALTER TABLE information_systems
        DROP COLUMN owner, DROP COLUMN operator, DROP COLUMN security_unit, DROP COLUMN system_type, DROP COLUMN information_types,
        DROP COLUMN data_subjects, DROP COLUMN sensitive_personal_data, DROP COLUMN public_service_level, DROP COLUMN operates_24x7,
        DROP COLUMN go_live, DROP COLUMN proposed_level, DROP COLUMN dossier_status, DROP COLUMN dossier_submitted_on,
        DROP COLUMN decision_number, DROP COLUMN decision_date, DROP COLUMN approver, DROP COLUMN regulation_status, DROP COLUMN regime_id,
        DROP COLUMN national_connected, DROP COLUMN national_connected_on`);
    await q.query('DROP INDEX agencies_parent_idx');
    await q.query(`
      ALTER TABLE agencies DROP CONSTRAINT agencies_not_own_parent, DROP COLUMN parent_id, DROP COLUMN kind, DROP COLUMN ir_contacts,
        DROP COLUMN security_unit, DROP COLUMN updated_at`);
  }
}
