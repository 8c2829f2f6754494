import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { INCIDENT_CATEGORIES, INCIDENT_EFFECTS, INCIDENT_STATES, type IncidentCategory, type IncidentEffect, type IncidentState, RESOLUTIONS, type Resolution } from './pure';

export class TransitionRequestBody {
  @ApiProperty({ enum: INCIDENT_STATES }) @IsIn(INCIDENT_STATES) to!: IncidentState;
  @ApiPropertyOptional({ enum: RESOLUTIONS, description: 'Required when resolving or closing' }) @IsOptional() @IsIn(RESOLUTIONS) resolution?: Resolution;
  @ApiPropertyOptional({ description: 'Why (kept in the timeline)' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class AssignRequestBody {
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'A responder, or null to unassign' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  assigneeId!: string | null;
}

export class CommentRequestBody {
  @ApiProperty({ example: 'Đã chặn IP trên tường lửa biên.' }) @IsString() @Length(1, 10_000) text!: string;
}

export class AddTaskRequestBody {
  @ApiProperty({ example: 'Đổi mật khẩu tài khoản quản trị' }) @IsString() @Length(1, 500) title!: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
}

export class UpdateTaskRequestBody {
  @ApiPropertyOptional({ enum: ['open', 'done', 'cancelled'] }) @IsOptional() @IsIn(['open', 'done', 'cancelled']) status?: 'open' | 'done' | 'cancelled';
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) @IsOptional() @ValidateIf((_, value) => value !== null) @IsUUID() assigneeId?: string | null;
}

export class UpdateIncidentRequestBody {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) title?: string;
  @ApiPropertyOptional({ enum: INCIDENT_EFFECTS, isArray: true, description: 'Observed effects; with a level 4–5 or nationally important system they make the incident serious' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INCIDENT_EFFECTS.length)
  @IsIn(INCIDENT_EFFECTS, { each: true })
  effects?: IncidentEffect[];
  @ApiPropertyOptional({ enum: INCIDENT_CATEGORIES, description: 'National taxonomy: phishing, defacement, malware, other' }) @IsOptional() @IsIn(INCIDENT_CATEGORIES) category?: IncidentCategory;
  @ApiPropertyOptional({ description: 'Beyond local response capacity: starts the emergency-report clock (QĐ 05 Art. 11.2)' }) @IsOptional() @IsBoolean() exceedsCapacity?: boolean;
  @ApiPropertyOptional({ description: 'National security or public order affected: report immediately (NĐ 331)' }) @IsOptional() @IsBoolean() nationalSecurity?: boolean;
}

export class SetSeriousRequestBody {
  @ApiProperty({ nullable: true, type: Boolean, description: 'true/false sets it by hand; null returns it to the computed value' })
  @ValidateIf((_, value) => value !== null)
  @IsBoolean()
  serious!: boolean | null;
  @ApiProperty({ description: 'Why (required, kept in the timeline and audit log)' }) @IsString() @Length(3, 2000) reason!: string;
}

export class MergeRequestBody {
  @ApiProperty({ type: [String], description: 'Incidents folded into this one (same agency)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  incidentIds!: string[];
}

export class SplitRequestBody {
  @ApiProperty({ type: [String], description: 'Alerts of this incident that move to a new incident' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  alertIds!: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) title?: string;
}

export const BULK_ACTIONS = ['acknowledge', 'assign', 'close_false_positive'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkRequestBody {
  @ApiProperty({ enum: BULK_ACTIONS }) @IsIn(BULK_ACTIONS) action!: BulkAction;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @IsUUID('all', { each: true }) ids!: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'For `assign`' }) @IsOptional() @IsUUID() assigneeId?: string;
}

export class BulkResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'Error code when not ok' }) code?: string;
  @ApiPropertyOptional() message?: string;
}

export class MetricsQuery {
  @ApiPropertyOptional({ description: 'Incidents opened from (default: 30 days ago)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Incidents opened before (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class IncidentEventsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 100;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}
