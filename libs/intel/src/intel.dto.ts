import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { INDICATOR_TYPES, type IndicatorType, type IndicatorTypeInput, SEVERITIES, type Severity } from './pure';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const SOURCE_KINDS = ['csv', 'stix', 'manual'] as const;
/** Longest `content` accepted; the JSON body limit of the server (1 MB) is reached first today. */
export const MAX_IMPORT_CHARS = 10 * 1024 * 1024;
export const MAX_MANUAL_INDICATORS = 10_000;

export class CreateIntelListRequest {
  @ApiProperty({ example: 'ncsc-c2', description: 'Short stable id (lower case)' }) @IsString() @Matches(ID, { message: 'id: lower-case letters, digits, ".", "_" or "-", up to 64, starting with a letter or digit' }) id!: string;
  @ApiProperty({ example: 'Máy chủ C2 do NCSC cảnh báo' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ enum: SEVERITIES, default: 'medium', description: 'Severity of indicators that state none' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @ApiPropertyOptional({ enum: SOURCE_KINDS, default: 'manual', description: 'Where the list is fed from' })
  @IsOptional()
  @IsIn(SOURCE_KINDS)
  sourceKind?: (typeof SOURCE_KINDS)[number];
}

export class ManualIndicator {
  @ApiPropertyOptional({ enum: [...INDICATOR_TYPES, 'hash'], description: 'Inferred from the value when absent; hash: algorithm from the length' })
  @IsOptional()
  @IsIn([...INDICATOR_TYPES, 'hash'])
  type?: IndicatorTypeInput;
  @ApiProperty({ example: '203.0.113.5' }) @IsString() @MinLength(1) @MaxLength(4096) value!: string;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional({ example: '2026-12-31T00:00:00Z', description: 'ISO 8601; a date alone: through that day, Vietnam time. An unreadable one rejects the indicator (listed in `rejected`)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  validUntil?: string;
}

/** Either `{format, content}` (a CSV file or STIX bundle as text) or `{indicators}`. */
export class ImportIndicatorsRequest {
  @ApiPropertyOptional({ enum: ['csv', 'stix'] }) @IsOptional() @IsIn(['csv', 'stix']) format?: 'csv' | 'stix';
  @ApiPropertyOptional({ description: 'The CSV text or STIX 2.1 bundle JSON (as a string)' }) @IsOptional() @IsString() @MaxLength(MAX_IMPORT_CHARS) content?: string;
  @ApiPropertyOptional({ type: [ManualIndicator] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MANUAL_INDICATORS)
  @ValidateNested({ each: true })
  @Type(() => ManualIndicator)
  indicators?: ManualIndicator[];
}

export class ListIndicatorsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor is not one this API returned' })
  cursor?: string;

  @ApiPropertyOptional({ enum: INDICATOR_TYPES }) @IsOptional() @IsIn(INDICATOR_TYPES) type?: IndicatorType;
}

export class LookupRequest {
  @ApiProperty({ type: [String], example: ['203.0.113.5', 'login.evil.example'], description: 'Addresses, domains, URLs or hashes (type inferred), up to 1000' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(4096, { each: true })
  values!: string[];
}

export class IntelListView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) sourceKind!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class IntelListSummaryView extends IntelListView {
  @ApiProperty() indicatorCount!: number;
  @ApiProperty() expiredCount!: number;
  @ApiProperty({ example: { ip: 10, domain: 4, url: 0, md5: 0, sha1: 0, sha256: 2 } }) countsByType!: Record<string, number>;
}

export class RejectionView {
  @ApiProperty({ example: 'line 7', description: 'CSV line, STIX id or indicators[i]' }) where!: string;
  @ApiProperty() reason!: string;
}

export class ImportSummaryView {
  @ApiProperty() added!: number;
  @ApiProperty({ description: 'Already listed, restated with a different severity, description or expiry' }) updated!: number;
  @ApiProperty({ description: 'Already listed exactly so' }) unchanged!: number;
  @ApiProperty({ type: [RejectionView] }) rejected!: RejectionView[];
  @ApiProperty({ description: 'STIX objects that are not indicators, by type', example: { identity: 1, relationship: 3 } }) ignored!: Record<string, number>;
}

export class IndicatorView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: INDICATOR_TYPES }) type!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty() expired!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class IndicatorPage {
  @ApiProperty({ type: [IndicatorView] }) items!: IndicatorView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class LookupMatchView {
  @ApiProperty() listId!: string;
  @ApiProperty() listName!: string;
  @ApiProperty({ enum: INDICATOR_TYPES }) type!: string;
  @ApiProperty({ description: 'The listed indicator (a network or parent domain may cover the value)' }) value!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty() expired!: boolean;
}

export class LookupResultView {
  @ApiProperty() value!: string;
  @ApiProperty({ nullable: true, enum: INDICATOR_TYPES }) type!: string | null;
  @ApiProperty({ nullable: true, type: String }) normalized!: string | null;
  @ApiPropertyOptional({ description: 'Why the value is not a recognisable indicator' }) reason?: string;
  @ApiProperty({ type: [LookupMatchView] }) matches!: LookupMatchView[];
}

export class LookupResponse {
  @ApiProperty({ type: [LookupResultView] }) results!: LookupResultView[];
}
