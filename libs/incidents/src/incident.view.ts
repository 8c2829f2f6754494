import { ApiProperty } from '@nestjs/swagger';
import { AlertView } from '@soc/alerts';
import { PRIORITIES, type Priority } from '@soc/shared';
import { INCIDENT_CATEGORIES, INCIDENT_EFFECTS, INCIDENT_STATES, type IncidentCategory, type IncidentEffect, type IncidentState, OBSERVABLE_TYPES, type ObservableType, RESOLUTIONS, type Resolution } from './pure';
import { ReportClockView } from './reports/report-clock.view';

export class SlaView {
  @ApiProperty({ format: 'date-time' }) acknowledgeBy!: string;
  @ApiProperty({ format: 'date-time' }) resolveBy!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgeBreachedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolveBreachedAt!: string | null;
}

/** An incident as lists and the live feed show it. */
export class IncidentSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SC-000042', description: 'Số hiệu sự cố — the human reference' }) ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiProperty({ enum: INCIDENT_STATES }) state!: IncidentState;
  @ApiProperty({ enum: RESOLUTIONS, nullable: true }) resolution!: Resolution | null;
  @ApiProperty({ enum: PRIORITIES, description: 'Severity × security level through the configured matrix' }) priority!: Priority;
  @ApiProperty({ enum: ['informational', 'low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Highest security level (cấp độ) among the systems hit' }) securityLevel!: number | null;
  @ApiProperty({ type: [String] }) systemIds!: string[];
  @ApiProperty({ description: 'Sự cố nghiêm trọng (QĐ 05/2017): computed, or set by hand with a reason' }) serious!: boolean;
  @ApiProperty({ description: 'Whether `serious` was set by hand (then effects no longer change it)' }) seriousManual!: boolean;
  @ApiProperty({ nullable: true, type: String }) seriousReason!: string | null;
  @ApiProperty({ enum: INCIDENT_EFFECTS, isArray: true }) effects!: IncidentEffect[];
  @ApiProperty({ enum: INCIDENT_CATEGORIES, description: 'National taxonomy (phishing, defacement, malware, other): from the first alert, editable' }) category!: IncidentCategory;
  @ApiProperty({ description: 'Vượt quá khả năng xử lý tại chỗ: starts the emergency-report clock (QĐ 05)' }) exceedsCapacity!: boolean;
  @ApiProperty({ description: 'Ảnh hưởng an ninh quốc gia, trật tự an toàn xã hội: report immediately (NĐ 331)' }) nationalSecurity!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Set when merged into another incident' }) mergedInto!: string | null;
  @ApiProperty() alertCount!: number;
  @ApiProperty({ type: [String], description: 'Grouping keys: alerts sharing one join this incident' }) groupKeys!: string[];
  @ApiProperty({ format: 'date-time', description: 'Event time of the first event' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time', description: 'Event time of the last event' }) lastSeen!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty() sla!: SlaView;
}

export class ObservableView {
  @ApiProperty({ enum: OBSERVABLE_TYPES }) type!: ObservableType;
  @ApiProperty() value!: string;
  @ApiProperty({ format: 'date-time' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time' }) lastSeen!: string;
  @ApiProperty({ description: 'Alerts that named it' }) sightings!: number;
}

export class TimelineEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'user:analyst1' }) actor!: string;
  @ApiProperty({ example: 'transition', description: 'created, alert_added, transition, assigned, comment, task_added, task_updated, merged, merged_into, split, split_from, serious_set, effects_set, category_set, exceeds_capacity_set, national_security_set, priority_changed, sla_breached, report_edited, report_submitted, report_acknowledged, report_overdue' }) kind!: string;
  @ApiProperty({ type: Object }) details!: Record<string, unknown>;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'done', 'cancelled'] }) status!: 'open' | 'done' | 'cancelled';
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class IncidentDetail extends IncidentSummary {
  @ApiProperty({ type: [AlertView] }) alerts!: AlertView[];
  @ApiProperty({ type: [ObservableView] }) observables!: ObservableView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
  @ApiProperty({ type: [TaskView] }) tasks!: TaskView[];
  @ApiProperty({ type: [String], enum: INCIDENT_STATES, description: 'States this incident may move to now' }) allowedTransitions!: IncidentState[];
  @ApiProperty({ type: [ReportClockView], description: 'Legal clocks for reporting to the national coordinator, per configured regime' }) deadlines!: ReportClockView[];
}

export class IncidentPage {
  @ApiProperty({ type: [IncidentSummary] }) items!: IncidentSummary[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ResponseTimesView {
  @ApiProperty() incidents!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean time to acknowledge, minutes' }) mttaMinutes!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean time to resolve, minutes' }) mttrMinutes!: number | null;
  @ApiProperty() slaBreaches!: number;
}

export class ResponseMetricsView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty() overall!: ResponseTimesView;
  @ApiProperty({ type: Object, description: 'Per priority P1–P4' }) byPriority!: Record<string, ResponseTimesView>;
  @ApiProperty({ type: Object, description: 'Per agency id ("-" for none)' }) byAgency!: Record<string, ResponseTimesView>;
}

/** What a batch or an action did to an incident, for the live feed. */
export interface IncidentChange {
  change: 'created' | 'updated';
  incident: IncidentSummary;
}
