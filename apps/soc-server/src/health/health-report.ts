import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DatabaseHealth {
  @ApiProperty({ enum: ['ok', 'down'] }) status!: 'ok' | 'down';
  @ApiPropertyOptional() latencyMs?: number;
  @ApiPropertyOptional() detail?: string;
}

export class TransportHealthView {
  @ApiProperty({ enum: ['kafka', 'in-process'] }) kind!: 'kafka' | 'in-process';
  @ApiProperty({ enum: ['ok', 'down'] }) status!: 'ok' | 'down';
  @ApiPropertyOptional() detail?: string;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty() database!: DatabaseHealth;
  @ApiProperty() transport!: TransportHealthView;
}
