import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RequirePermission } from '@soc/auth';
import { AlertPage, AlertView, UpdateAlertRequest } from './alert.view';
import { AlertsService } from './alerts.service';
import { ListAlertsQuery } from './list-alerts.query';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @RequirePermission(Permission.AlertsRead)
  @ApiOperation({ summary: 'Cảnh báo — alerts the caller may see, newest first, filtered (status, priority, severity, agency, system, incident, event time, text), with cursor pagination' })
  @ApiOkResponse({ type: AlertPage })
  list(@Query() query: ListAlertsQuery, @CurrentPrincipal() principal: Principal): Promise<AlertPage> {
    return this.alerts.list(principal, query);
  }

  @Get(':id')
  @RequirePermission(Permission.AlertsRead)
  @ApiOkResponse({ type: AlertView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<AlertView> {
    return this.alerts.get(principal, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.AlertsTriage)
  @ApiOperation({ summary: 'Acknowledge or close an alert' })
  @ApiOkResponse({ type: AlertView })
  update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateAlertRequest, @CurrentPrincipal() principal: Principal): Promise<AlertView> {
    return this.alerts.setStatus(principal, id, body.status);
  }
}
