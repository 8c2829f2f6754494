import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import {
  CreateIntelListRequest,
  ImportIndicatorsRequest,
  ImportSummaryView,
  IndicatorPage,
  IntelListSummaryView,
  IntelListView,
  ListIndicatorsQuery,
  LookupRequest,
  LookupResponse,
} from './intel.dto';
import { IntelService } from './intel.service';

@ApiTags('intel')
@ApiBearerAuth()
@Controller('api/v1/intel')
export class IntelController {
  constructor(private readonly intel: IntelService) {}

  @Get('lists')
  @RequirePermission(Permission.IntelRead)
  @ApiOperation({ summary: 'Danh sách chỉ dấu mối đe dọa — threat-intel lists with indicator counts' })
  @ApiOkResponse({ type: [IntelListSummaryView] })
  lists(): Promise<IntelListSummaryView[]> {
    return this.intel.lists();
  }

  @Post('lists')
  @RequirePermission(Permission.IntelManage)
  create(@Body() body: CreateIntelListRequest, @CurrentPrincipal() principal: Principal): Promise<IntelListView> {
    return this.intel.createList(actorOf(principal), body);
  }

  @Delete('lists/:id')
  @RequirePermission(Permission.IntelManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a list and all its indicators' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.intel.deleteList(actorOf(principal), id);
  }

  @Post('lists/:id/indicators')
  @RequirePermission(Permission.IntelManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import indicators: {format: csv|stix, content} or {indicators: [...]}',
    description:
      'Adds new indicators and restates listed ones; never removes any. CSV: header row with value and optional type, severity, description, valid_until — or one value per line, type inferred. STIX 2.1: indicator objects with equality patterns joined by OR. Unusable rows are returned in `rejected` with their line, STIX id or position.',
  })
  @ApiOkResponse({ type: ImportSummaryView })
  import(@Param('id') id: string, @Body() body: ImportIndicatorsRequest, @CurrentPrincipal() principal: Principal): Promise<ImportSummaryView> {
    return this.intel.importIndicators(actorOf(principal), id, body);
  }

  @Get('lists/:id/indicators')
  @RequirePermission(Permission.IntelRead)
  @ApiOperation({ summary: "A list's indicators in the order added, with cursor pagination" })
  @ApiOkResponse({ type: IndicatorPage })
  indicators(@Param('id') id: string, @Query() query: ListIndicatorsQuery): Promise<IndicatorPage> {
    return this.intel.indicators(id, query);
  }

  @Post('lookup')
  @RequirePermission(Permission.IntelRead)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Which lists hold each value (an address inside a listed network, a subdomain of a listed domain, ...)' })
  @ApiOkResponse({ type: LookupResponse })
  async lookup(@Body() body: LookupRequest): Promise<LookupResponse> {
    return { results: await this.intel.lookup(body.values) };
  }
}
