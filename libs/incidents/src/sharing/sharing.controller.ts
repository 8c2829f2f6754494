import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import type { MispEvent } from './misp-event';
import { ExportQuery } from './sharing.requests';
import { SharingService } from './sharing.service';
import type { StixBundle } from './stix-bundle';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class SharingController {
  constructor(private readonly sharing: SharingService) {}

  @Get(':id/stix')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: "The incident's observables as a STIX 2.1 bundle: indicators, observed data and sightings, TLP-marked" })
  @ApiOkResponse({ description: 'A STIX 2.1 bundle (application/json)', schema: { type: 'object' } })
  stix(@Param('id', ParseUUIDPipe) id: string, @Query() query: ExportQuery, @CurrentPrincipal() principal: Principal): Promise<StixBundle> {
    return this.sharing.stix(principal, id, query.tlp);
  }

  @Get(':id/misp')
  @RequirePermission(Permission.IncidentsRead)
  @ApiOperation({ summary: "The incident's observables as a MISP event (core format), TLP-tagged" })
  @ApiOkResponse({ description: 'A MISP event {"Event": {...}}', schema: { type: 'object' } })
  misp(@Param('id', ParseUUIDPipe) id: string, @Query() query: ExportQuery, @CurrentPrincipal() principal: Principal): Promise<MispEvent> {
    return this.sharing.misp(principal, id, query.tlp);
  }
}
