import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from './pure';

export class GenerateReportRequest {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
  @ApiPropertyOptional({ format: 'date', description: 'First day (local); with `to`, a custom period; without, the period the schedule would report today' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Day after the last one (exclusive)' }) @IsOptional() @IsDateString({ strict: true }) to?: string;
}

export class ListReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_KINDS }) @IsOptional() @IsIn(REPORT_KINDS) kind?: ReportKind;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 50;
}

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'pdf'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'pdf']) format: 'json' | 'csv' | 'pdf' = 'json';
}

export class SetScheduleRequest {
  @ApiProperty({ example: '0 7 * * *', description: 'node-cron expression, in SOC_TIMEZONE' }) @IsString() @Length(9, 100) cron!: string;
  @ApiProperty() @IsBoolean() enabled!: boolean;
}
