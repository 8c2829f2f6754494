import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export class LayerView {
  @ApiProperty({ enum: [1, 2, 3, 4] }) layer!: 1 | 2 | 3 | 4;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['ok', 'warning', 'missing'] }) status!: 'ok' | 'warning' | 'missing';
  @ApiProperty({ type: [String], description: 'Why (Vietnamese, English in brackets)' }) reasons!: string[];
}

export class DeadlineView {
  @ApiProperty({ description: 'Stable identity of this deadline occurrence' }) key!: string;
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: 'Negative when overdue' }) daysLeft!: number;
  @ApiProperty({ enum: ['agency', 'province'] }) responsible!: 'agency' | 'province';
  @ApiProperty({ nullable: true, type: String }) systemId!: string | null;
}

export class SourceHealthView {
  @ApiProperty() sourceId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ format: 'date-time' }) lastReceivedAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) silentSince!: string | null;
}

export class SystemPostureView {
  @ApiProperty() systemId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Approved security level (cấp độ)' }) securityLevel!: number | null;
  @ApiProperty({ type: Object, description: 'Proposed level, dossier status, decision, approver, Quy chế status, regime' }) dossier!: {
    proposedLevel: number | null;
    status: string;
    decisionNumber: string | null;
    decisionDate: string | null;
    approver: string | null;
    regulationStatus: string;
    regimeId: string;
    regimeName: string;
  };
  @ApiProperty({ nullable: true, type: Object, description: 'Requirement completeness for the level (null: no level to judge against)' }) requirements!: unknown;
  @ApiProperty({ type: [LayerView] }) layers!: LayerView[];
  @ApiProperty({ type: Object, description: 'Open incidents per priority' }) openIncidents!: Record<string, number>;
  @ApiProperty({ type: [SourceHealthView], description: 'Log sources that reported on this system in the last 7 days' }) sources!: SourceHealthView[];
  @ApiProperty({ type: Object, description: 'Open imported vulnerabilities per severity' }) openVulnerabilities!: Record<string, number>;
  @ApiProperty({ type: [Object], description: 'Open re-determination reviews' }) reviews!: Array<{ id: string; trigger: string; reason: string; createdAt: string }>;
  @ApiProperty({ type: [DeadlineView], description: 'Within the next 120 days, and overdue ones' }) deadlines!: DeadlineView[];
}

export class MonitoringServiceRequest {
  @ApiProperty({ example: 'Trung tâm Giám sát An toàn thông tin tỉnh' }) @IsString() @Length(1, 300) provider!: string;
  @ApiProperty({ enum: ['own', 'contracted'] }) @IsIn(['own', 'contracted']) kind!: 'own' | 'contracted';
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) contractRef?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) validFrom?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) validTo?: string;
  @ApiPropertyOptional({ type: [String], description: 'Systems covered; empty or absent: every system of the agency' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/, { each: true })
  systemIds?: string[];
}

export class AssessmentRequest {
  @ApiProperty({ example: 'Công ty Kiểm định ATTT X' }) @IsString() @Length(1, 300) assessor!: string;
  @ApiProperty({ format: 'date' }) @IsDateString({ strict: true }) assessedOn!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) scope?: string;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(0) @Max(100_000) openFindings?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) reportRef?: string;
}

export class VulnerabilityItem {
  @ApiProperty({ example: 'CVE-2024-3400' }) @IsString() @Length(1, 200) reference!: string;
  @ApiProperty() @IsString() @Length(1, 500) title!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) @IsIn(['low', 'medium', 'high', 'critical']) severity!: string;
  @ApiPropertyOptional({ enum: ['open', 'fixed', 'accepted'], default: 'open' }) @IsOptional() @IsIn(['open', 'fixed', 'accepted']) status?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) foundOn?: string;
}

export class VulnerabilityImportRequest {
  @ApiProperty({ type: [VulnerabilityItem] }) @IsArray() @ArrayMaxSize(10_000) @ValidateNested({ each: true }) @Type(() => VulnerabilityItem) items!: VulnerabilityItem[];
}

export class AnnualReportQuery {
  @ApiProperty({ example: 2026, description: 'Report year: data period 15 Dec of the year before – 14 Dec' }) @Type(() => Number) @IsInt() @Min(2016) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['json', 'html'], default: 'json' }) @IsOptional() @IsIn(['json', 'html']) format: 'json' | 'html' = 'json';
}

export class HistoryQuery {
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsDateString({ strict: true }) to?: string;
}
