import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident reports to the national coordinator: the national category of an incident (phishing, defacement,
 * malware, other) and the two facts that start the "immediately" clocks (beyond local capacity; national
 * security or public order affected); report versions per kind (initial, progress, closing) with their
 * editable fields and, once sent, the frozen content; each submission (to whom, how, when, by whom, which
 * regimes' clocks it answers) and its acknowledgement; and the report clocks already raised as overdue, so
 * each is raised once.
 */
export class IncidentReports1765728000000 implements MigrationInterface {
  name = 'IncidentReports1765728000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incidents
        ADD COLUMN category text NOT NULL DEFAULT 'other' CHECK (category IN ('phishing', 'defacement', 'malware', 'other')),
        ADD COLUMN exceeds_capacity boolean NOT NULL DEFAULT false,
        ADD COLUMN national_security boolean NOT NULL DEFAULT false`);
    // Incidents opened before this migration take their category from their first alert's ATT&CK tags, as new ones do.
    await q.query(`
      UPDATE incidents i SET category = CASE
          WHEN f.tags ~ '(^|,)attack\\.t1566' THEN 'phishing'
          WHEN f.tags ~ '(^|,)attack\\.t1491' THEN 'defacement'
          WHEN f.tags ~ 'malware|(^|,)attack\\.t(1204|1059|1486|1105|1071)' THEN 'malware'
          ELSE 'other' END
        FROM (SELECT DISTINCT ON (incident_id) incident_id, lower(coalesce((SELECT string_agg(t, ',') FROM jsonb_array_elements_text(details -> 'tags') AS t), '')) AS tags
              FROM alerts WHERE incident_id IS NOT NULL ORDER BY incident_id, first_seen, id) AS f
        WHERE f.incident_id = i.id`);

    await q.query(`
      CREATE TABLE incident_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('initial', 'progress', 'closing')),
        version integer NOT NULL CHECK (version >= 1),
        edits jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(edits) = 'object'),
        content jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        UNIQUE (incident_id, kind, version),
        CHECK ((sent_at IS NULL) = (content IS NULL))
      )`);

    await q.query(`
      CREATE TABLE incident_report_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES incident_reports (id) ON DELETE CASCADE,
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('initial', 'progress', 'closing')),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 300),
        channel text NOT NULL CHECK (channel IN ('email', 'letter', 'portal', 'fax', 'phone')),
        reference text,
        regimes text[] NOT NULL DEFAULT '{}',
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL,
        acknowledged_by text,
        acknowledged_reference text,
        acknowledged_at timestamptz,
        recorded_ack_by text,
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      )`);
    await q.query('CREATE INDEX incident_report_submissions_incident_idx ON incident_report_submissions (incident_id, kind, submitted_at)');

    await q.query(`
      CREATE TABLE incident_report_breaches (
        incident_id uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        clock text NOT NULL,
        due_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL,
        PRIMARY KEY (incident_id, clock)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE incident_report_breaches');
    await q.query('DROP TABLE incident_report_submissions');
    await q.query('DROP TABLE incident_reports');
    await q.query('ALTER TABLE incidents DROP COLUMN national_security, DROP COLUMN exceeds_capacity, DROP COLUMN category');
  }
}
