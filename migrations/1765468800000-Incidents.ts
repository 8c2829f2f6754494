import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incidents: alerts grouped by what they share (attacker, target system, rule family), with a priority from
 * severity × security level, the response workflow (state, resolution, assignee, SLA clocks), observables,
 * tasks and a timeline. An alert belongs to at most one incident (`alerts.incident_id`).
 */
export class Incidents1765468800000 implements MigrationInterface {
  name = 'Incidents1765468800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SEQUENCE incident_number_seq');
    await q.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number bigint NOT NULL UNIQUE DEFAULT nextval('incident_number_seq'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        agency_id text,
        state text NOT NULL DEFAULT 'new'
          CHECK (state IN ('new', 'acknowledged', 'investigating', 'contained', 'resolved', 'closed')),
        resolution text CHECK (resolution IN ('true_positive', 'false_positive', 'duplicate', 'benign')),
        priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        severity text NOT NULL,
        security_level smallint CHECK (security_level BETWEEN 1 AND 5),
        system_ids text[] NOT NULL DEFAULT '{}',
        group_keys text[] NOT NULL DEFAULT '{}',
        effects text[] NOT NULL DEFAULT '{}',
        serious boolean NOT NULL DEFAULT false,
        serious_manual boolean NOT NULL DEFAULT false,
        serious_reason text,
        assignee_id uuid REFERENCES users (id),
        merged_into uuid REFERENCES incidents (id),
        alert_count integer NOT NULL DEFAULT 0,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        ack_due_at timestamptz NOT NULL,
        resolve_due_at timestamptz NOT NULL,
        ack_breached_at timestamptz,
        resolve_breached_at timestamptz
      )`);
    await q.query('CREATE INDEX incidents_created_idx ON incidents (created_at DESC, id DESC)');
    await q.query('CREATE INDEX incidents_agency_idx ON incidents (agency_id, created_at DESC)');
    // Grouping looks for open incidents sharing a key; closed ones never take new alerts.
    await q.query(`CREATE INDEX incidents_open_keys_idx ON incidents USING gin (group_keys) WHERE state NOT IN ('resolved', 'closed')`);
    await q.query(`CREATE INDEX incidents_sla_idx ON incidents (ack_due_at, resolve_due_at) WHERE state <> 'closed'`);
    await q.query('CREATE INDEX incidents_systems_idx ON incidents USING gin (system_ids)');

    await q.query('ALTER TABLE alerts ADD COLUMN incident_id uuid REFERENCES incidents (id), ADD COLUMN priority text');
    await q.query('CREATE INDEX alerts_incident_idx ON alerts (incident_id) WHERE incident_id IS NOT NULL');
    await q.query(`ALTER TABLE information_systems ADD COLUMN nationally_important boolean NOT NULL DEFAULT false`);

    await q.query(`
      CREATE TABLE incident_observables (
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('ip', 'domain', 'url', 'hash', 'user', 'host')),
        value text NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        sightings integer NOT NULL DEFAULT 1,
        PRIMARY KEY (incident_id, type, value)
      )`);
    await q.query('CREATE INDEX incident_observables_value_idx ON incident_observables (type, value)');

    await q.query(`
      CREATE TABLE incident_timeline (
        id bigserial PRIMARY KEY,
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        kind text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX incident_timeline_incident_idx ON incident_timeline (incident_id, id)');

    await q.query(`
      CREATE TABLE incident_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        assignee_id uuid REFERENCES users (id),
        due_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX incident_tasks_incident_idx ON incident_tasks (incident_id, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE incident_tasks');
    await q.query('DROP TABLE incident_timeline');
    await q.query('DROP TABLE incident_observables');
    await q.query('ALTER TABLE information_systems DROP COLUMN nationally_important');
    await q.query('ALTER TABLE alerts DROP COLUMN priority, DROP COLUMN incident_id');
    await q.query('DROP TABLE incidents');
    await q.query('DROP SEQUENCE incident_number_seq');
  }
}
