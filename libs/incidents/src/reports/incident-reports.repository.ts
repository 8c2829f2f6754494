import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, Tx } from '@soc/storage';
import type { IncidentRow } from '../incidents.repository';
import type { ClockCondition, ReportChannel, ReportContent, ReportEdits, ReportKind } from '../pure';

export interface ReportVersionRow {
  id: string;
  incident_id: string;
  kind: ReportKind;
  version: number;
  edits: ReportEdits;
  content: ReportContent | null;
  created_by: string;
  created_at: Date;
  sent_at: Date | null;
}

export interface SubmissionRow {
  id: string;
  report_id: string;
  incident_id: string;
  kind: ReportKind;
  version: number;
  recipient: string;
  channel: ReportChannel;
  reference: string | null;
  regimes: string[];
  submitted_by: string;
  submitted_at: Date;
  acknowledged_by: string | null;
  acknowledged_reference: string | null;
  acknowledged_at: Date | null;
  recorded_ack_by: string | null;
}

export interface NewSubmission {
  reportId: string;
  incidentId: string;
  kind: ReportKind;
  recipient: string;
  channel: ReportChannel;
  reference: string | null;
  regimes: readonly string[];
  submittedBy: string;
  submittedAt: Date;
}

/** A clock rule as the overdue search needs it. */
export interface ClockSearch {
  key: string;
  regime: string;
  hours: number;
  condition: ClockCondition;
}

// A whitelist, never caller text: which incident column makes a conditional clock apply.
const CONDITION_SQL: Readonly<Record<ClockCondition, string>> = {
  always: 'TRUE',
  serious: 'i.serious',
  exceedsCapacity: 'i.exceeds_capacity',
  nationalSecurity: 'i.national_security',
};

const SUBMISSION_COLUMNS = `s.*, r.version`;

/** Report versions, their submissions and acknowledgements, and the report clocks already raised. */
@Injectable()
export class IncidentReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async versions(incidentId: string, kind: ReportKind, tx?: Tx): Promise<ReportVersionRow[]> {
    return this.manager(tx).query('SELECT * FROM incident_reports WHERE incident_id = $1 AND kind = $2 ORDER BY version', [incidentId, kind]);
  }

  async latest(incidentId: string, kind: ReportKind, tx?: Tx): Promise<ReportVersionRow | undefined> {
    const rows: ReportVersionRow[] = await this.manager(tx).query(
      'SELECT * FROM incident_reports WHERE incident_id = $1 AND kind = $2 ORDER BY version DESC LIMIT 1',
      [incidentId, kind],
    );
    return rows[0];
  }

  async addVersion(tx: Tx, draft: { incidentId: string; kind: ReportKind; version: number; edits: ReportEdits; createdBy: string; createdAt: Date }): Promise<ReportVersionRow> {
    const rows: ReportVersionRow[] = await managerOf(tx).query(
      'INSERT INTO incident_reports (incident_id, kind, version, edits, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [draft.incidentId, draft.kind, draft.version, JSON.stringify(draft.edits), draft.createdBy, draft.createdAt],
    );
    return rows[0]!;
  }

  /** Freezes a version: what was sent is kept as it was, whatever happens to the incident later. */
  async markSent(tx: Tx, reportId: string, content: ReportContent, sentAt: Date): Promise<ReportVersionRow> {
    const rows: ReportVersionRow[] = await managerOf(tx).query(
      `WITH sent AS (UPDATE incident_reports SET content = $2, sent_at = $3 WHERE id = $1 AND sent_at IS NULL RETURNING *) SELECT * FROM sent`,
      [reportId, JSON.stringify(content), sentAt],
    );
    return rows[0]!;
  }

  async addSubmission(tx: Tx, submission: NewSubmission): Promise<SubmissionRow> {
    const rows: SubmissionRow[] = await managerOf(tx).query(
      `WITH added AS (
         INSERT INTO incident_report_submissions (report_id, incident_id, kind, recipient, channel, reference, regimes, submitted_by, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
       SELECT ${SUBMISSION_COLUMNS} FROM added s JOIN incident_reports r ON r.id = s.report_id`,
      [submission.reportId, submission.incidentId, submission.kind, submission.recipient, submission.channel, submission.reference, submission.regimes, submission.submittedBy, submission.submittedAt],
    );
    return rows[0]!;
  }

  /** Submissions of one kind of report (every version), oldest first. */
  async submissions(incidentId: string, kind: ReportKind, tx?: Tx): Promise<SubmissionRow[]> {
    return this.manager(tx).query(
      `SELECT ${SUBMISSION_COLUMNS} FROM incident_report_submissions s JOIN incident_reports r ON r.id = s.report_id
       WHERE s.incident_id = $1 AND s.kind = $2 ORDER BY s.submitted_at, s.id`,
      [incidentId, kind],
    );
  }

  async acknowledge(tx: Tx, submissionId: string, ack: { by: string; reference: string | null; at: Date; recordedBy: string }): Promise<SubmissionRow> {
    const rows: SubmissionRow[] = await managerOf(tx).query(
      `WITH acked AS (
         UPDATE incident_report_submissions SET acknowledged_by = $2, acknowledged_reference = $3, acknowledged_at = $4, recorded_ack_by = $5
         WHERE id = $1 RETURNING *)
       SELECT ${SUBMISSION_COLUMNS} FROM acked s JOIN incident_reports r ON r.id = s.report_id`,
      [submissionId, ack.by, ack.reference, ack.at, ack.recordedBy],
    );
    return rows[0]!;
  }

  /** Initial reports sent for an incident, with the regimes whose clocks each answers: what stops its clocks. */
  async initialSubmissions(incidentId: string, tx?: Tx): Promise<Array<{ at: Date; regimes: string[] }>> {
    const rows: Array<{ submitted_at: Date; regimes: string[] }> = await this.manager(tx).query(
      `SELECT submitted_at, regimes FROM incident_report_submissions WHERE incident_id = $1 AND kind = 'initial' ORDER BY submitted_at`,
      [incidentId],
    );
    return rows.map((r) => ({ at: r.submitted_at, regimes: r.regimes }));
  }

  /**
   * Incidents whose clock for this rule is past due with no initial report answering its regime and no breach
   * raised yet. Incidents closed as not being incidents (false positive, duplicate, benign) are not chased.
   */
  async pastDue(tx: Tx, clock: ClockSearch, now: Date, limit: number): Promise<IncidentRow[]> {
    return managerOf(tx).query(
      `SELECT i.* FROM incidents i
       WHERE i.merged_into IS NULL AND coalesce(i.resolution, '') NOT IN ('false_positive', 'duplicate', 'benign')
         AND ${CONDITION_SQL[clock.condition]}
         AND i.created_at + make_interval(hours => $2) < $1
         AND NOT EXISTS (SELECT 1 FROM incident_report_breaches b WHERE b.incident_id = i.id AND b.clock = $3)
         AND NOT EXISTS (SELECT 1 FROM incident_report_submissions s WHERE s.incident_id = i.id AND s.kind = 'initial' AND $4 = ANY (s.regimes))
       ORDER BY i.created_at, i.id LIMIT $5 FOR UPDATE OF i SKIP LOCKED`,
      [now, clock.hours, clock.key, clock.regime, limit],
    );
  }

  /** Records that a clock was raised as overdue; false when it already was (each clock is raised once). */
  async recordBreach(tx: Tx, incidentId: string, clock: string, dueAt: Date, raisedAt: Date): Promise<boolean> {
    const rows: unknown[] = await managerOf(tx).query(
      'INSERT INTO incident_report_breaches (incident_id, clock, due_at, raised_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING clock',
      [incidentId, clock, dueAt, raisedAt],
    );
    return rows.length === 1;
  }

  private manager(tx?: Tx): EntityManager {
    return tx ? managerOf(tx) : this.dataSource.manager;
  }
}
