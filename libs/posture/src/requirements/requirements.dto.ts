import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REQUIREMENT_STATUSES, type RequirementStatus } from './requirement-status';

/** PUT replaces the item's record: an optional field left out is cleared. */
export class RecordRequirementRequest {
  @ApiProperty({ enum: REQUIREMENT_STATUSES, description: 'Đáp ứng / một phần / chưa đáp ứng / không áp dụng (met / partial / not met / not applicable)' })
  @IsIn(REQUIREMENT_STATUSES)
  status!: RequirementStatus;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Quyết định 123/QĐ-STTTT ban hành quy chế ATTT' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  evidence?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Who is responsible for the item', example: 'Phòng CNTT' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  owner?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Planned remediation date (lộ trình khắc phục)', example: '2027-06-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'remediationDate must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  remediationDate?: string | null;
}
