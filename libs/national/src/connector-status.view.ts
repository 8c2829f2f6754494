import { ApiProperty } from '@nestjs/swagger';
import { NATIONAL_CHANNELS, type NationalChannelKind } from '@soc/shared';

/** Where delivery to the national monitoring center stands. */
export class ConnectorStatusView {
  @ApiProperty({ enum: NATIONAL_CHANNELS, description: '`SOC_NATIONAL_CONNECTOR`' }) channel!: NationalChannelKind;
  @ApiProperty({ description: 'Whether a channel is configured (not `none`)' }) enabled!: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Outbox seq up to which everything was accepted; null before the connector first ran' }) lastDeliveredSeq!: number | null;
  @ApiProperty({ description: 'Outbox messages of the forwarded types after lastDeliveredSeq, waiting' }) backlog!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastSuccessAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the last attempt failed (`NATIONAL_UNREACHABLE`, `NATIONAL_TIMEOUT`, `NATIONAL_REJECTED`: …); null after a success' }) lastError!: string | null;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'Earliest retry after failures (exponential backoff); null when not backing off' }) nextAttemptAt!: string | null;
}
