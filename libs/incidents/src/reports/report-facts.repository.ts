import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReportSystemFacts } from '../pure';

/** Explanations kept per report: the description lists distinct ones, a storm repeats the same few. */
const MAX_EXPLANATIONS = 20;

/** What reports read about an incident's systems, their monitoring providers and its alerts. */
@Injectable()
export class ReportFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The systems hit, with owner, operator, level and type (classification facts of the registry). */
  async systems(systemIds: readonly string[]): Promise<ReportSystemFacts[]> {
    if (systemIds.length === 0) return [];
    const rows: Array<{ id: string; name: string; security_level: number | null; operator: string | null; owner: string | null; system_type: string | null }> = await this.dataSource.query(
      'SELECT id, name, security_level, operator, owner, system_type FROM information_systems WHERE id = ANY($1::text[]) ORDER BY security_level DESC NULLS LAST, id',
      [systemIds],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, securityLevel: r.security_level, operator: r.operator, owner: r.owner, systemType: r.system_type }));
  }

  /**
   * Layer-2 monitoring providers of the systems' agencies that cover them (a service naming no systems covers
   * every system of its agency) and were under contract on the day of detection.
   */
  async providers(systemIds: readonly string[], on: Date): Promise<string[]> {
    if (systemIds.length === 0) return [];
    const rows: Array<{ provider: string }> = await this.dataSource.query(
      `SELECT DISTINCT m.provider FROM monitoring_services m JOIN information_systems s ON s.agency_id = m.agency_id
       WHERE s.id = ANY($1::text[]) AND (cardinality(m.system_ids) = 0 OR s.id = ANY (m.system_ids))
         AND (m.valid_from IS NULL OR m.valid_from <= $2::date) AND (m.valid_to IS NULL OR m.valid_to >= $2::date)
       ORDER BY m.provider`,
      [systemIds, on.toISOString().slice(0, 10)],
    );
    return rows.map((r) => r.provider);
  }

  /** Why the incident's alerts fired, each once, in the order they first appeared. */
  async explanations(incidentId: string): Promise<string[]> {
    const rows: Array<{ explanation: string }> = await this.dataSource.query(
      `SELECT explanation FROM (
         SELECT details ->> 'explanation' AS explanation, min(first_seen) AS first FROM alerts
         WHERE incident_id = $1 AND coalesce(details ->> 'explanation', '') <> '' GROUP BY 1) AS distinct_explanations
       ORDER BY first LIMIT $2`,
      [incidentId, MAX_EXPLANATIONS],
    );
    return rows.map((r) => r.explanation);
  }
}
