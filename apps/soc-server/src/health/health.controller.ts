import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@soc/auth';
import { DatabaseProbe } from '@soc/storage';
import { EVENT_TRANSPORT, type EventTransport } from '@soc/transport';
import { DatabaseHealth, HealthReport } from './health-report';

@ApiTags('health')
@Controller('api/v1/health')
export class HealthController {
  constructor(
    private readonly databaseProbe: DatabaseProbe,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Database and transport status (503 when any is down)' })
  @ApiOkResponse({ type: HealthReport })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const database = await this.database();
    const transport = this.transport.health();
    const ok = database.status === 'ok' && transport.status === 'ok';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, transport };
  }

  private async database(): Promise<DatabaseHealth> {
    try {
      return { status: 'ok', latencyMs: await this.databaseProbe.ping() };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }
}
