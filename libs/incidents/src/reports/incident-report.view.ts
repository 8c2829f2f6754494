import { ApiProperty } from '@nestjs/swagger';
import { REPORT_CHANNELS, REPORT_KINDS, type ReportChannel, type ReportContent, type ReportEdits, type ReportKind } from '../pure';
import type { SubmissionRow } from './incident-reports.repository';

export class ReportSubmissionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() recipient!: string;
  @ApiProperty({ enum: REPORT_CHANNELS }) channel!: ReportChannel;
  @ApiProperty({ nullable: true, type: String }) reference!: string | null;
  @ApiProperty({ type: [String], description: 'Regimes whose clocks this (initial) report answers' }) regimes!: string[];
  @ApiProperty({ example: 'user:analyst' }) submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedReference!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt!: string | null;
}

/** One version of a report, without its content (the version list). */
export class ReportVersionView {
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'SC-000042/BĐ-1' }) number!: string;
  @ApiProperty({ enum: ['draft', 'sent'], description: 'A sent version is frozen; edits make a new version' }) status!: 'draft' | 'sent';
  @ApiProperty({ description: 'False for the generated draft v1 nobody has saved yet' }) saved!: boolean;
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) createdAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ type: Object, description: 'The edited fields of this version' }) edits!: ReportEdits;
  @ApiProperty({ type: [ReportSubmissionView] }) submissions!: ReportSubmissionView[];
}

/** A report version with its content: generated live while a draft, as sent once sent. */
export class IncidentReportView extends ReportVersionView {
  @ApiProperty({ format: 'uuid' }) incidentId!: string;
  @ApiProperty({ type: Object, description: 'The report fields (TT 20 initial-report form)' }) report!: ReportContent;
}

export function toSubmissionView(row: SubmissionRow): ReportSubmissionView {
  return {
    id: row.id,
    version: row.version,
    recipient: row.recipient,
    channel: row.channel,
    reference: row.reference,
    regimes: row.regimes,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at.toISOString(),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedReference: row.acknowledged_reference,
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
  };
}
