import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import type { Regime } from '../pure/regimes';
import type { RequirementCatalogue } from './catalogue';
import { RecordRequirementRequest } from './requirements.dto';
import { RequirementsService } from './requirements.service';
import type { RequirementItemState, SystemLevelSuggestion, SystemRequirementsView } from './requirements.views';

@ApiTags('posture')
@ApiBearerAuth()
@Controller('api/v1')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  @Get('posture/regimes')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Chế độ pháp lý phân loại cấp độ (classification regimes): approvers, time limits, retention, deadlines, catalogue' })
  regimes(): Regime[] {
    return this.requirements.regimes();
  }

  @Get('posture/catalogues/:id')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Danh mục yêu cầu theo cấp độ (requirement catalogue), every level; each item with its certainty and source' })
  catalogue(@Param('id') id: string): RequirementCatalogue {
    return this.requirements.catalogue(id);
  }

  @Get('systems/:id/requirements')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: "Yêu cầu theo cấp độ của hệ thống (the system's requirements at its approved, else proposed, level) with recorded statuses and completeness; 409 without a level" })
  ofSystem(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SystemRequirementsView> {
    return this.requirements.ofSystem(principal.scope, id);
  }

  @Put('systems/:id/requirements/:itemId')
  @RequirePermission(Permission.PostureWrite)
  @ApiOperation({ summary: 'Ghi nhận mức đáp ứng một yêu cầu (record whether the system meets one item); 400 for an item not in its catalogue or level' })
  record(@Param('id') id: string, @Param('itemId') itemId: string, @Body() body: RecordRequirementRequest, @CurrentPrincipal() principal: Principal): Promise<RequirementItemState> {
    return this.requirements.record(actorOf(principal), principal.scope, id, itemId, body);
  }

  @Get('systems/:id/level-suggestion')
  @RequirePermission(Permission.SystemsRead)
  @ApiOperation({ summary: 'Đề xuất cấp độ (suggested security level) from the recorded facts, with the criteria that raised it and missing facts' })
  levelSuggestion(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<SystemLevelSuggestion> {
    return this.requirements.levelSuggestion(principal.scope, id);
  }
}
