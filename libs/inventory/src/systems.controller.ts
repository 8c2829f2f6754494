import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, ParseIntPipe, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { csvBodyOf, CsvImportSummaryView } from '@soc/agencies';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { AssetsRepository } from './assets.repository';
import { type SystemsImportSummary, SystemsCsvService } from './csv/systems-csv.service';
import { DossierService } from './dossier/dossier.service';
import { InventoryService } from './inventory.service';
import type { ReviewRecord } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import type { SystemRecord } from './system-profile';
import {
  AddAssetRequest,
  AssetView,
  CloseReviewRequest,
  CreateSystemRequest,
  DossierRequest,
  ReviewView,
  SystemView,
  UpdateSystemRequest,
} from './systems.dto';
import { SystemsRepository } from './systems.repository';

@ApiTags('systems')
@ApiBearerAuth()
@Controller('api/v1/systems')
export class SystemsController {
  constructor(
    private readonly systems: SystemsRepository,
    private readonly assets: AssetsRepository,
    private readonly inventory: InventoryService,
    private readonly dossiers: DossierService,
    private readonly reviews: ReviewsService,
    private readonly csv: SystemsCsvService,
  ) {}

  @Get()
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Hệ thống thông tin — information systems the caller may see' })
  @ApiOkResponse({ type: [SystemView] })
  list(@CurrentPrincipal() principal: Principal): Promise<SystemRecord[]> {
    return this.systems.list(principal.scope);
  }

  // Before ':id', which would otherwise take 'export.csv' for an id.
  @Get('export.csv')
  @RequirePermission(Permission.SystemsRead)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="information-systems.csv"')
  @ApiOperation({ summary: 'The systems the caller may see as CSV (UTF-8 with BOM, for Excel), assets joined by ;' })
  @ApiProduces('text/csv')
  exportCsv(@CurrentPrincipal() principal: Principal): Promise<string> {
    return this.csv.exportCsv(principal.scope);
  }

  @Post('import')
  @RequirePermission(Permission.SystemsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Create or update systems from CSV (columns as the export); all rows or none, bad rows listed with their line' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'id,agency_id,name,system_type,assets\r\ndvc,so-tttt,Cổng dịch vụ công,public_service,10.1.0.0/16;dichvucong.tinh.gov.vn\r\n' } })
  @ApiOkResponse({ type: CsvImportSummaryView })
  importCsv(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<SystemsImportSummary> {
    return this.csv.importCsv(actorOf(principal), principal.scope, csvBodyOf(body));
  }

  @Post()
  @RequirePermission(Permission.SystemsManage)
  @ApiCreatedResponse({ type: SystemView })
  create(@Body() body: CreateSystemRequest, @CurrentPrincipal() principal: Principal): Promise<SystemRecord> {
    return this.inventory.createSystem(actorOf(principal), body);
  }

  @Get(':id')
  @RequirePermission(Permission.SystemsRead)
  @ApiOkResponse({ type: SystemView })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SystemRecord> {
    return this.inventory.visibleSystem(principal.scope, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.SystemsManage)
  @ApiOperation({
    summary: 'Change the profile classification needs; a change of type, information, data subjects or 24/7 on an approved system opens a re-determination review',
  })
  @ApiOkResponse({ type: SystemView })
  update(@Param('id') id: string, @Body() body: UpdateSystemRequest, @CurrentPrincipal() principal: Principal): Promise<SystemRecord> {
    return this.inventory.updateSystem(actorOf(principal), principal.scope, id, body);
  }

  @Post(':id/dossier')
  @RequirePermission(Permission.SystemsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Hồ sơ cấp độ: submit → appraise → approve (sets the approved level; needs the Quy chế issued), return, reopen' })
  @ApiOkResponse({ type: SystemView })
  dossier(@Param('id') id: string, @Body() body: DossierRequest, @CurrentPrincipal() principal: Principal): Promise<SystemRecord> {
    const { action, ...input } = body;
    return this.dossiers.act(actorOf(principal), principal.scope, id, action, input);
  }

  @Get(':id/reviews')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Re-determination reviews of the level (xác định lại cấp độ), newest first' })
  @ApiOkResponse({ type: [ReviewView] })
  listReviews(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ReviewRecord[]> {
    return this.reviews.list(principal.scope, id);
  }

  @Post(':id/reviews/:reviewId/close')
  @RequirePermission(Permission.SystemsManage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ReviewView })
  closeReview(
    @Param('id') id: string,
    @Param('reviewId', new ParseUUIDPipe()) reviewId: string,
    @Body() body: CloseReviewRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReviewRecord> {
    return this.reviews.close(actorOf(principal), principal.scope, id, reviewId, body.note);
  }

  @Get(':id/assets')
  @RequirePermission(Permission.SystemsRead)
  @ApiOkResponse({ type: [AssetView] })
  async listAssets(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<AssetView[]> {
    await this.inventory.visibleSystem(principal.scope, id);
    return this.assets.listOf(id);
  }

  @Post(':id/assets')
  @RequirePermission(Permission.SystemsManage)
  @ApiOperation({ summary: 'Add an address, network, host name or URL that identifies the system' })
  addAsset(@Param('id') id: string, @Body() body: AddAssetRequest, @CurrentPrincipal() principal: Principal): Promise<AssetView> {
    return this.inventory.addAsset(actorOf(principal), principal.scope, id, body.value);
  }

  @Delete(':id/assets/:assetId')
  @RequirePermission(Permission.SystemsManage)
  @HttpCode(HttpStatus.NO_CONTENT)
  removeAsset(@Param('id') id: string, @Param('assetId', ParseIntPipe) assetId: number, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.inventory.removeAsset(actorOf(principal), principal.scope, id, String(assetId));
  }
}
