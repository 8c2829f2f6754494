import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { AuditTrail } from '@soc/audit';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { ErrorCode, SocError } from '@soc/shared';
import { AgenciesRepository, AgencyRecord } from './agencies.repository';

export class CreateAgencyRequest {
  @ApiProperty({ example: 'so-tttt', description: 'Short stable id (lower case)' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,63}$/)
  id!: string;

  @ApiProperty({ example: 'Sở Thông tin và Truyền thông' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name!: string;
}

export class AgencyView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: string;
}

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @RequirePermission(Permission.AgenciesRead)
  list(@CurrentPrincipal() principal: Principal): Promise<AgencyView[]> {
    return this.agencies.list(principal.scope);
  }

  @Post()
  @RequirePermission(Permission.AgenciesManage)
  async create(@Body() body: CreateAgencyRequest, @CurrentPrincipal() principal: Principal): Promise<AgencyRecord> {
    const created = await this.agencies.create(body.id, body.name);
    if (!created) throw new SocError(ErrorCode.Conflict, `agency ${body.id} exists`);
    await this.audit.record({ actor: actorOf(principal), action: 'agencies.create', target: `agency:${body.id}`, agencyId: body.id, details: { name: body.name } });
    return created;
  }
}
