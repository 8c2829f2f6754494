import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { AssetsRepository } from './assets.repository';
import { InventoryService } from './inventory.service';
import { AddAssetRequest, AssetView, CreateSystemRequest, SystemView, UpdateSystemRequest } from './systems.dto';
import { SystemsRepository } from './systems.repository';

@ApiTags('systems')
@ApiBearerAuth()
@Controller('api/v1/systems')
export class SystemsController {
  constructor(
    private readonly systems: SystemsRepository,
    private readonly assets: AssetsRepository,
    private readonly inventory: InventoryService,
  ) {}

  @Get()
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Hệ thống thông tin — information systems the caller may see' })
  @ApiOkResponse({ type: [SystemView] })
  list(@CurrentPrincipal() principal: Principal): Promise<SystemView[]> {
    return this.systems.list(principal.scope);
  }

  @Post()
  @RequirePermission(Permission.SystemsManage)
  create(@Body() body: CreateSystemRequest, @CurrentPrincipal() principal: Principal): Promise<SystemView> {
    return this.inventory.createSystem(actorOf(principal), body);
  }

  @Get(':id')
  @RequirePermission(Permission.SystemsRead)
  @ApiOkResponse({ type: SystemView })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SystemView> {
    return this.inventory.visibleSystem(principal.scope, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.SystemsManage)
  @ApiOperation({ summary: 'Rename a system or record its approved security level' })
  update(@Param('id') id: string, @Body() body: UpdateSystemRequest, @CurrentPrincipal() principal: Principal): Promise<SystemView> {
    return this.inventory.updateSystem(actorOf(principal), principal.scope, id, body);
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
