import { ApiProperty } from '@nestjs/swagger';
import { REPORTING_REGIME_IDS, type ReportingRegimeId } from '@soc/shared';
import { CLOCK_CONDITIONS, CLOCK_STATUSES, type Bilingual, type ClockCondition, type ClockStatus, type ReportClock } from '../pure';

/** One legal clock for reporting an incident, as the incident detail shows it. */
export class ReportClockView {
  @ApiProperty({ example: 'report:nd331-2026:72h' }) key!: string;
  @ApiProperty({ enum: REPORTING_REGIME_IDS }) regime!: ReportingRegimeId;
  @ApiProperty({ type: Object, example: { vi: 'NĐ 331/2026/NĐ-CP …', en: 'Decree 331/2026 …' } }) regimeLabel!: Bilingual;
  @ApiProperty({ example: '72h' }) rule!: string;
  @ApiProperty({ type: Object }) label!: Bilingual;
  @ApiProperty({ type: Object }) recipient!: Bilingual;
  @ApiProperty({ description: 'Hours from detection; 0 = immediately' }) hours!: number;
  @ApiProperty({ enum: CLOCK_CONDITIONS }) condition!: ClockCondition;
  @ApiProperty({ enum: ['V', 'G', 'U'], description: 'V checked, G from a GitHub copy, U unverified' }) certainty!: 'V' | 'G' | 'U';
  @ApiProperty() source!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: CLOCK_STATUSES }) status!: ClockStatus;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the initial report answering this regime was sent' }) submittedAt!: string | null;
}

export function toReportClockView(clock: ReportClock): ReportClockView {
  return { ...clock, dueAt: clock.dueAt.toISOString(), submittedAt: clock.submittedAt?.toISOString() ?? null };
}
