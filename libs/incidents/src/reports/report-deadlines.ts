import type { ReportingRegimeId } from '@soc/shared';
import type { IncidentRow } from '../incidents.repository';
import { type ClockFacts, reportClocks } from '../pure';
import { type ReportClockView, toReportClockView } from './report-clock.view';

/** Detection time is when the SOC opened the incident; the flags are the incident's own. */
export function clockFactsOf(row: IncidentRow, initialSubmissions: ClockFacts['initialSubmissions']): ClockFacts {
  return { detectedAt: row.created_at, serious: row.serious, exceedsCapacity: row.exceeds_capacity, nationalSecurity: row.national_security, initialSubmissions };
}

/** The incident's report clocks under the configured regimes, as the detail shows them. */
export function incidentDeadlines(row: IncidentRow, initialSubmissions: ClockFacts['initialSubmissions'], regimes: readonly ReportingRegimeId[], now: Date): ReportClockView[] {
  return reportClocks(regimes, clockFactsOf(row, initialSubmissions), now).map(toReportClockView);
}
