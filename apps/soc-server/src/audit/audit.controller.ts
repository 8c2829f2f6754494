import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuditRecordView, AuditRepository } from '@soc/audit';
import { Permission, RequirePermission } from '@soc/auth';

export class ListAuditQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;

  @ApiPropertyOptional({ description: 'Records before this sequence number (paging backwards)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  list(@Query() query: ListAuditQuery): Promise<AuditRecordView[]> {
    return this.audit.list(query.limit, query.before);
  }
}
