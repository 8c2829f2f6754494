import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Permission, type Principal, RateLimiter, RequirePermission } from '@soc/auth';
import { RawEnvelope } from '@soc/parsers';
import { type Clock, CLOCK, ErrorCode, SOC_CONFIG, type SocConfig, SocError } from '@soc/shared';
import { EVENT_TRANSPORT, type EventTransport } from '@soc/transport';

export class IngestAccepted {
  @ApiProperty({ description: 'Records handed durably to the pipeline' }) accepted!: number;
}

@ApiTags('ingest')
@ApiBearerAuth()
@Controller('api/v1/ingest')
export class IngestController {
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_CONFIG) config: SocConfig,
  ) {
    this.limiter = new RateLimiter(config.ingest.ratePerMinute, 60_000);
  }

  /** 202 means durable: acknowledged by Kafka, or committed by the in-process pipeline. */
  @Post()
  @RequirePermission(Permission.IngestWrite)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: "Send raw log lines or NDJSON records (one per line) with the source's API key (Authorization: Bearer or X-Api-Key)" })
  @ApiConsumes('text/plain', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', example: 'Nov 30 16:40:01 web01 sshd[1234]: Failed password for root from 203.0.113.5 port 52311 ssh2' } })
  @ApiAcceptedResponse({ type: IngestAccepted })
  async ingest(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<IngestAccepted> {
    if (principal.kind !== 'source') throw new SocError(ErrorCode.Forbidden, 'only log sources send logs');
    const receivedAt = this.clock.now();
    const retryAfterMs = this.limiter.take(principal.sourceId, receivedAt.getTime());
    if (retryAfterMs > 0) throw new SocError(ErrorCode.RateLimited, 'ingest rate limit reached for this source', { retryAfterMs });
    if (typeof body !== 'string') {
      throw new SocError(ErrorCode.UnsupportedMediaType, 'send raw log lines as text/plain, or JSON records as application/x-ndjson (UTF-8)');
    }
    const envelopes: RawEnvelope[] = body
      .split('\n')
      .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
      .filter((line) => line.trim().length > 0)
      .map((payload) => ({ sourceId: principal.sourceId, receivedAt, transport: 'http', payload }));
    await this.transport.publish(envelopes);
    return { accepted: envelopes.length };
  }
}
