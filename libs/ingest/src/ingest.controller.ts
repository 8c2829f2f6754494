import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RawEnvelope } from '@soc/parsers';
import { type Clock, CLOCK, ErrorCode, SocError } from '@soc/shared';
import { EVENT_TRANSPORT, type EventTransport } from '@soc/transport';

const SOURCE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export class IngestAccepted {
  @ApiProperty({ description: 'Records handed durably to the pipeline' }) accepted!: number;
}

@ApiTags('ingest')
@Controller('api/v1/ingest')
export class IngestController {
  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 202 means durable: acknowledged by Kafka, or committed by the in-process pipeline. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send raw log lines (one per line) into the pipeline' })
  @ApiConsumes('text/plain')
  @ApiBody({ schema: { type: 'string', example: 'Nov 30 16:40:01 web01 sshd[1234]: Failed password for root from 203.0.113.5 port 52311 ssh2' } })
  @ApiHeader({ name: 'X-Source-Id', required: true, description: 'Registered log source id' })
  @ApiAcceptedResponse({ type: IngestAccepted })
  async ingest(@Body() body: unknown, @Headers('x-source-id') sourceId: string | undefined): Promise<IngestAccepted> {
    if (!sourceId || !SOURCE_ID.test(sourceId)) {
      throw new SocError(ErrorCode.ValidationFailed, 'header X-Source-Id is required: 1-128 characters of A-Z a-z 0-9 . _ : -');
    }
    if (typeof body !== 'string') {
      throw new SocError(ErrorCode.UnsupportedMediaType, 'send raw log lines as Content-Type: text/plain; charset=utf-8');
    }
    const receivedAt = this.clock.now();
    const envelopes: RawEnvelope[] = body
      .split('\n')
      .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
      .filter((line) => line.trim().length > 0)
      .map((payload) => ({ sourceId, receivedAt, transport: 'http', payload }));
    await this.transport.publish(envelopes);
    return { accepted: envelopes.length };
  }
}
