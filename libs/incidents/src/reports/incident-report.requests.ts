import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { REPORTING_REGIME_IDS, type ReportingRegimeId } from '@soc/shared';
import { REPORT_CHANNELS, REPORT_KINDS, type ReportChannel, type ReportKind } from '../pure';

/** `/api/v1/incidents/{id}/reports/{kind}`. */
export class ReportParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind!: ReportKind;
}

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: ['json', 'pdf'], default: 'json' }) @IsOptional() @IsIn(['json', 'pdf']) format: 'json' | 'pdf' = 'json';
}

/** The fields a person may change before sending; the rest is generated from the incident. */
export class EditReportRequestBody {
  @ApiPropertyOptional({ description: 'The version this edit is based on (as read); a sent or outdated one is refused with 409. Omit to build on the latest.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
  @ApiPropertyOptional({ example: 'Ubuntu 22.04 LTS, OpenSSH 8.9p1', description: 'Hệ điều hành, phiên bản' }) @IsOptional() @IsString() @MaxLength(2000) osVersions?: string;
  @ApiPropertyOptional({ description: "Mục đích sử dụng (default: the systems' types)" }) @IsOptional() @IsString() @MaxLength(2000) purpose?: string;
  @ApiPropertyOptional({ description: 'Yêu cầu bảo mật thông tin (default true)' }) @IsOptional() @IsBoolean() confidential?: boolean;
  @ApiPropertyOptional({ description: 'Kiến nghị, đề xuất (closing report only)' }) @IsOptional() @IsString() @MaxLength(10_000) recommendations?: string;
}

export class SubmitReportRequestBody {
  @ApiProperty({ example: 'Trung tâm VNCERT/CC — ir@vncert.vn' }) @IsString() @Length(1, 300) recipient!: string;
  @ApiProperty({ enum: REPORT_CHANNELS }) @IsIn(REPORT_CHANNELS) channel!: ReportChannel;
  @ApiPropertyOptional({ description: 'Số công văn, mã tiếp nhận…' }) @IsOptional() @IsString() @Length(1, 200) reference?: string;
  @ApiPropertyOptional({ enum: REPORTING_REGIME_IDS, isArray: true, description: "Initial report: the regimes whose clocks it answers (default: every configured regime)" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REPORTING_REGIME_IDS.length)
  @IsIn(REPORTING_REGIME_IDS, { each: true })
  regimes?: ReportingRegimeId[];
}

export class AcknowledgeReportRequestBody {
  @ApiProperty({ example: 'VNCERT/CC — Nguyễn Văn A', description: 'Who acknowledged receipt' }) @IsString() @Length(1, 300) by!: string;
  @ApiPropertyOptional({ description: 'Their reference (mã tiếp nhận)' }) @IsOptional() @IsString() @Length(1, 200) reference?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The submission acknowledged (default: the latest one not yet acknowledged)' }) @IsOptional() @IsUUID() submissionId?: string;
}
