import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRIORITIES, type Priority } from '@soc/shared';
import { ALERT_STATUSES, type AlertStatus } from './alert.view';

const commaList = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);
const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'];

export class ListAlertsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: 'Comma-separated statuses', example: 'new,acknowledged' }) @IsOptional() @Transform(commaList) @IsIn(ALERT_STATUSES, { each: true }) status?: AlertStatus[];
  @ApiPropertyOptional({ description: 'Comma-separated priorities', example: 'P1,P2' }) @IsOptional() @Transform(commaList) @IsIn(PRIORITIES, { each: true }) priority?: Priority[];
  @ApiPropertyOptional({ description: 'Comma-separated severities' }) @IsOptional() @Transform(commaList) @IsIn(SEVERITIES, { each: true }) severity?: string[];
  @ApiPropertyOptional() @IsOptional() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) agencyId?: string;
  @ApiPropertyOptional({ description: 'Information system the events concern' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) systemId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() incidentId?: string;
  @ApiPropertyOptional({ description: 'Last event at or after (ISO 8601, event time)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'First event before (ISO 8601, event time)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'Text in the title or rule id, or the source IP' }) @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export type AlertListFilter = Omit<ListAlertsQuery, 'limit' | 'cursor'>;
