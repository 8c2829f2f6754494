import { Body, Controller, Get, Header, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import type { AgencyRecord } from './agency';
import { AgencyView, CreateAgencyRequest, CsvImportSummaryView, UpdateAgencyRequest } from './agency.dto';
import { AgenciesRepository } from './agencies.repository';
import { AgenciesService, type ImportSummary } from './agencies.service';
import { csvBodyOf } from './csv';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly service: AgenciesService,
  ) {}

  @Get()
  @RequirePermission(Permission.AgenciesRead)
  @ApiOperation({ summary: 'Cơ quan, đơn vị — agencies the caller may see, with parent, kind and contacts' })
  @ApiOkResponse({ type: [AgencyView] })
  list(@CurrentPrincipal() principal: Principal): Promise<AgencyRecord[]> {
    return this.agencies.list(principal.scope);
  }

  // Before ':id', which would otherwise take 'export.csv' for an id.
  @Get('export.csv')
  @RequirePermission(Permission.AgenciesManage)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="agencies.csv"')
  @ApiOperation({ summary: 'Every agency as CSV (UTF-8 with BOM, for Excel); province-wide only' })
  @ApiProduces('text/csv')
  exportCsv(@CurrentPrincipal() principal: Principal): Promise<string> {
    return this.service.exportCsv(principal.scope);
  }

  @Post('import')
  @RequirePermission(Permission.AgenciesManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Create or update agencies from CSV (columns as the export); all rows or none, bad rows listed with their line' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'id,name,kind,parent_id\r\nubnd-tinh,UBND tỉnh,province,\r\nso-yte,Sở Y tế,department,ubnd-tinh\r\n' } })
  @ApiOkResponse({ type: CsvImportSummaryView })
  importCsv(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<ImportSummary> {
    return this.service.importCsv(actorOf(principal), csvBodyOf(body));
  }

  @Get(':id')
  @RequirePermission(Permission.AgenciesRead)
  @ApiOkResponse({ type: AgencyView })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AgencyRecord> {
    return this.service.visible(principal.scope, id);
  }

  @Post()
  @RequirePermission(Permission.AgenciesManage)
  @ApiCreatedResponse({ type: AgencyView })
  create(@Body() body: CreateAgencyRequest, @CurrentPrincipal() principal: Principal): Promise<AgencyRecord> {
    return this.service.create(actorOf(principal), body);
  }

  @Patch(':id')
  @RequirePermission(Permission.AgenciesManage)
  @ApiOperation({ summary: 'Change name, kind, parent (refused if it would form a cycle), contacts or security unit' })
  @ApiOkResponse({ type: AgencyView })
  update(@Param('id') id: string, @Body() body: UpdateAgencyRequest, @CurrentPrincipal() principal: Principal): Promise<AgencyRecord> {
    return this.service.update(actorOf(principal), principal.scope, id, body);
  }
}
