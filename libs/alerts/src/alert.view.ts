import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRIORITIES, type Priority } from '@soc/shared';

export const ALERT_STATUSES = ['new', 'acknowledged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export class UpdateAlertRequest {
  @ApiProperty({ enum: ALERT_STATUSES }) @IsIn(ALERT_STATUSES) status!: AlertStatus;
}

export class AlertEntitiesView {
  @ApiPropertyOptional() sourceIp?: string;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiPropertyOptional({ type: [String] }) userNames?: string[];
  @ApiPropertyOptional({ type: [String] }) hostNames?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Information systems the events concern' }) systemIds?: string[];
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Highest security level (cấp độ) among those systems' }) securityLevel?: number | null;
}

/** An alert as the API and the live feed show it. */
export class AlertView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'soc.ssh.brute_force' }) ruleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) severity!: string;
  @ApiProperty({ enum: ['new', 'acknowledged', 'closed'] }) status!: AlertStatus;
  @ApiProperty({ description: 'Same rule + entity + burst; repeated matches update this alert' }) fingerprint!: string;
  @ApiPropertyOptional() sourceIp?: string;
  @ApiProperty({ nullable: true, type: String, description: 'Agency the events belong to' }) agencyId!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Highest security level (cấp độ 1–5) among the systems concerned; null when none is known' }) securityLevel!: number | null;
  @ApiProperty({ format: 'date-time', description: 'Event time of the first contributing event' }) firstSeen!: string;
  @ApiProperty({ format: 'date-time', description: 'Event time of the last contributing event' }) lastSeen!: string;
  @ApiProperty() eventCount!: number;
  @ApiProperty({ type: [String], description: 'Contributing event ids (capped; eventCount is exact)' }) eventIds!: string[];
  @ApiProperty({ type: [String], example: ['attack.credential_access', 'attack.t1110.001'] }) tags!: string[];
  @ApiProperty() entities!: AlertEntitiesView;
  @ApiProperty({ description: 'Why the rule fired' }) explanation!: string;
  @ApiPropertyOptional({ enum: ['rule', 'correlation', 'intel'], description: 'One event matching a rule, a correlation over several, or a threat-intel indicator' }) kind?: 'rule' | 'correlation' | 'intel';
  @ApiPropertyOptional({ description: "The rule's author (Sigma's licence asks that attribution stay visible)" }) author?: string;
  @ApiPropertyOptional({ type: [String] }) references?: readonly string[];
  @ApiPropertyOptional({ description: 'Which selections of the rule held, on which fields and values' }) matches?: ReadonlyArray<{ selection: string; field: string | null; value: string | null }>;
  @ApiPropertyOptional({ description: "A correlation's group-by values" }) groupBy?: Readonly<Record<string, string>>;
  @ApiPropertyOptional({ description: 'The indicator behind a threat-intel alert' }) indicator?: { listId: string; listName: string; type: string; value: string; description: string | null };
  @ApiProperty({ enum: PRIORITIES, nullable: true, description: 'Severity × security level through the priority matrix' }) priority!: Priority | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The incident this alert belongs to' }) incidentId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class AlertPage {
  @ApiProperty({ type: [AlertView] }) items!: AlertView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page' }) nextCursor!: string | null;
}

/** An alert written by a batch, and whether that batch created it or extended it. */
export interface AlertChange {
  change: 'created' | 'updated';
  alert: AlertView;
}
