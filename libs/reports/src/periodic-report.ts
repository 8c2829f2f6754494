import { INCIDENT_CATEGORIES, type IncidentCategory } from '@soc/incidents';
import type { ReportKind, ReportPeriod } from './pure';

/** The national taxonomy the statistics use (Cục ATTT/NCSC count phishing, defacement, malware), from the incidents. */
export const CATEGORIES = INCIDENT_CATEGORIES;
export type Category = IncidentCategory;

export type CategoryCounts = Record<Category, number>;

/** What a periodic report says; stored as generated, so a later re-read shows exactly what was announced. */
export interface PeriodicReportContent {
  kind: ReportKind;
  title: string;
  period: ReportPeriod;
  timeZone: string;
  province: string;
  authority: string;
  generatedAt: string;
  incidents: {
    total: number;
    serious: number;
    byCategory: CategoryCounts;
    byPriority: Record<string, number>;
    byAgency: Array<{ agencyId: string; agencyName: string; total: number; byCategory: CategoryCounts }>;
  };
  response: { acknowledged: number; resolved: number; mttaMinutes: number | null; mttrMinutes: number | null; slaBreaches: number };
  alerts: { total: number; bySeverity: Record<string, number> };
  topAttackers: Array<{ ip: string; incidents: number; sightings: number }>;
  topSystems: Array<{ systemId: string; name: string; agencyId: string; incidents: number }>;
}

export interface PeriodicReportRecord {
  id: string;
  kind: ReportKind;
  periodFrom: string;
  periodTo: string;
  generatedAt: string;
  trigger: 'scheduled' | 'on_demand';
  requestedBy: string;
  content: PeriodicReportContent;
}

export type PeriodicReportSummary = Omit<PeriodicReportRecord, 'content'>;

/** A report without its figures: what lists and the live announcement carry. */
export function summaryOf(record: PeriodicReportRecord): PeriodicReportSummary {
  return { id: record.id, kind: record.kind, periodFrom: record.periodFrom, periodTo: record.periodTo, generatedAt: record.generatedAt, trigger: record.trigger, requestedBy: record.requestedBy };
}
