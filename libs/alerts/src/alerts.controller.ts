import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertPage } from './alert.view';
import { AlertsRepository } from './alerts.repository';
import { ListAlertsQuery } from './list-alerts.query';

@ApiTags('alerts')
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsRepository) {}

  @Get()
  @ApiOperation({ summary: 'Alerts, newest first, with cursor pagination' })
  @ApiOkResponse({ type: AlertPage })
  list(@Query() query: ListAlertsQuery): Promise<AlertPage> {
    return this.alerts.list(query.limit, query.cursor);
  }
}
