import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsIP, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class EventSearchQuery {
  @ApiPropertyOptional({ description: 'Event time from (inclusive), ISO 8601' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Event time to (exclusive), ISO 8601' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional() @IsOptional() @IsIP() sourceIp?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) user?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(256) host?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9._:-]{1,128}$/) sourceId?: string;
  @ApiPropertyOptional({ example: 'dvc-tinh', description: 'Information system the event concerns' }) @IsOptional() @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/) systemId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: "The system's security level (cấp độ) when the event was ingested" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  securityLevel?: number;
  @ApiPropertyOptional({ example: 'ssh_login' }) @IsOptional() @IsString() @MaxLength(128) action?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure', 'unknown'] }) @IsOptional() @IsIn(['success', 'failure', 'unknown']) outcome?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit = 100;
  @ApiPropertyOptional({ description: 'nextCursor from the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class EventView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Event time (@timestamp)' }) timestamp!: string;
  @ApiProperty() ingestedAt!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ nullable: true, type: String }) agencyId!: string | null;
  @ApiProperty({ nullable: true, type: String }) systemId!: string | null;
  @ApiProperty({ nullable: true, type: Number }) securityLevel!: number | null;
  @ApiProperty({ nullable: true, type: String }) dataset!: string | null;
  @ApiProperty({ nullable: true, type: String }) action!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceIp!: string | null;
  @ApiProperty({ nullable: true, type: String }) userName!: string | null;
  @ApiProperty({ nullable: true, type: String }) hostName!: string | null;
  @ApiProperty({ description: 'The full normalized event (ECS), event.original included' }) event!: Record<string, unknown>;
}

export class EventPage {
  @ApiProperty({ type: [EventView] }) items!: EventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
