import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@soc/auth';
import { ConnectorStatusService } from './connector-status.service';
import { ConnectorStatusView } from './connector-status.view';

@ApiTags('national connector')
@ApiBearerAuth()
@Controller('api/v1/connector')
export class ConnectorStatusController {
  constructor(private readonly status: ConnectorStatusService) {}

  // Operational health: the SOC's operators and auditors (connector:read), not agency staff nor the metrics scraper's token.
  @Get('status')
  @RequirePermission(Permission.ConnectorRead)
  @ApiOperation({ summary: 'Kết nối hệ thống giám sát quốc gia — the outbound connector: channel, cursor, backlog, last success and error, next retry' })
  @ApiOkResponse({ type: ConnectorStatusView })
  get(): Promise<ConnectorStatusView> {
    return this.status.status();
  }
}
