import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { DOSSIER_ACTIONS, type DossierAction } from './dossier/dossier-workflow';
import {
  DOSSIER_STATUSES,
  INFORMATION_TYPES,
  type InformationType,
  REGIME_IDS,
  type RegimeId,
  REGULATION_STATUSES,
  type RegulationStatus,
  SYSTEM_TYPES,
  type SystemType,
} from './system-profile';

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

/** Present (not undefined): null is then refused by the validators that follow, unlike with IsOptional. */
const isGiven = (_: object, value: unknown) => value !== undefined;

/** What classification needs (TT 12 Art. 8); every field optional, null clears a nullable one. */
export class SystemProfileFields {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'UBND tỉnh', description: 'Chủ quản (owner)' }) @IsOptional() @IsString() @MaxLength(300) owner?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Trung tâm Chuyển đổi số', description: 'Đơn vị vận hành (operator)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  operator?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Phòng An toàn thông tin', description: 'Đơn vị chuyên trách ATTT (specialized security unit)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  securityUnit?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: SYSTEM_TYPES }) @IsOptional() @IsIn(SYSTEM_TYPES) systemType?: SystemType | null;
  @ApiPropertyOptional({ enum: INFORMATION_TYPES, isArray: true })
  @ValidateIf(isGiven)
  @IsArray()
  @ArrayMaxSize(INFORMATION_TYPES.length)
  @ArrayUnique()
  @IsIn(INFORMATION_TYPES, { each: true })
  informationTypes?: InformationType[];

  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, description: 'Số chủ thể dữ liệu (data subjects)' }) @IsOptional() @IsInt() @Min(0) @Max(2_000_000_000) dataSubjects?: number | null;
  @ApiPropertyOptional() @ValidateIf(isGiven) @IsBoolean() sensitivePersonalData?: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 0, maximum: 4, description: 'Mức độ dịch vụ công trực tuyến' }) @IsOptional() @IsInt() @Min(0) @Max(4) publicServiceLevel?: number | null;
  @ApiPropertyOptional() @ValidateIf(isGiven) @IsBoolean() operates24x7?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2024-07-01' }) @IsOptional() @Matches(DATE, { message: `goLive ${DATE_MESSAGE}` }) @IsISO8601({ strict: true }) goLive?: string | null;
  @ApiPropertyOptional({ description: 'Hệ thống quan trọng quốc gia' }) @ValidateIf(isGiven) @IsBoolean() nationallyImportant?: boolean;
  @ApiPropertyOptional({ description: 'Lớp 4: kết nối hệ thống giám sát quốc gia (layer 4: national monitoring)' }) @ValidateIf(isGiven) @IsBoolean() nationalConnected?: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-03-15' })
  @IsOptional()
  @Matches(DATE, { message: `nationalConnectedOn ${DATE_MESSAGE}` })
  @IsISO8601({ strict: true })
  nationalConnectedOn?: string | null;

  @ApiPropertyOptional({ enum: REGULATION_STATUSES, description: 'Quy chế bảo đảm ATTT của hệ thống' }) @ValidateIf(isGiven) @IsIn(REGULATION_STATUSES) regulationStatus?: RegulationStatus;
  @ApiPropertyOptional({ enum: REGIME_IDS }) @ValidateIf(isGiven) @IsIn(REGIME_IDS) regimeId?: RegimeId;
}

export class CreateSystemRequest extends SystemProfileFields {
  @ApiProperty({ example: 'dvc-tinh', description: 'Short stable id (lower case)' }) @IsString() @Matches(ID) id!: string;
  @ApiProperty({ example: 'so-tttt' }) @IsString() @Matches(ID) agencyId!: string;
  @ApiProperty({ example: 'Cổng dịch vụ công tỉnh' }) @IsString() @MinLength(1) @MaxLength(300) name!: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, nullable: true, type: Number, description: 'Cấp độ đã phê duyệt, for systems approved before registration; normally set by the dossier' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  securityLevel?: number | null;
}

export class UpdateSystemRequest extends SystemProfileFields {
  @ApiPropertyOptional() @ValidateIf(isGiven) @IsString() @MinLength(1) @MaxLength(300) name?: string;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    nullable: true,
    type: Number,
    description: 'Kept for compatibility: the approved level normally changes through POST /api/v1/systems/{id}/dossier (approve). null: no approved level',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  securityLevel?: number | null;
}

export class DossierRequest {
  @ApiProperty({ enum: DOSSIER_ACTIONS }) @IsIn(DOSSIER_ACTIONS) action!: DossierAction;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'submit (required), appraise (optional correction)' }) @IsOptional() @IsInt() @Min(1) @Max(5) proposedLevel?: number;
  @ApiPropertyOptional({ example: '1234/QĐ-UBND', description: 'approve' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) decisionNumber?: string;
  @ApiPropertyOptional({ example: '2025-06-30', description: 'approve' }) @IsOptional() @Matches(DATE, { message: `decisionDate ${DATE_MESSAGE}` }) @IsISO8601({ strict: true }) decisionDate?: string;
  @ApiPropertyOptional({ example: 'Chủ tịch UBND tỉnh', description: 'approve' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(300) approver?: string;
  @ApiPropertyOptional({ description: 'return (required), reopen (optional)' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;
}

export class CloseReviewRequest {
  @ApiPropertyOptional({ example: 'Đã xác định lại, giữ cấp độ 3', description: 'Outcome, kept in the audit log' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AddAssetRequest {
  @ApiProperty({ example: '10.20.0.0/24', description: 'An IP address, a CIDR network, a host name or a URL (its host name is kept)' })
  @IsString()
  @MinLength(1)
  @MaxLength(2048)
  value!: string;
}

export class DossierView {
  @ApiProperty({ enum: DOSSIER_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Number }) proposedLevel!: number | null;
  @ApiProperty({ nullable: true, type: String }) submittedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) approver!: string | null;
}

export class SystemView extends SystemProfileFields {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Approved level, set by the dossier approval' }) securityLevel!: number | null;
  @ApiProperty({ type: DossierView }) dossier!: DossierView;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class ReviewView {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty({ example: 'change' }) trigger!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['open', 'done'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) closedAt!: string | null;
}

export class AssetView {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty({ enum: ['network', 'hostname'] }) kind!: string;
  @ApiProperty({ example: '10.20.0.0/24' }) value!: string;
  @ApiProperty() createdAt!: string;
}
