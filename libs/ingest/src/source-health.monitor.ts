import { Inject, Injectable } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { AlertsRepository } from '@soc/alerts';
import { AlertFinding } from '@soc/detection';
import { OutboxRepository } from '@soc/realtime';
import { CLOCK, type Clock, SOC_LOGGER, type SocLogger } from '@soc/shared';
import { SourcesRepository } from '@soc/sources';
import { TransactionRunner, tryTransactionLock } from '@soc/storage';

const SOURCE_HEALTH_LOCK = 7_201_004;
const RULE = { id: 'soc.source.silent', title: 'Nguồn log ngừng gửi (log source silent)' };
const fingerprintOf = (sourceId: string, silentSince: string) => `${RULE.id}|${sourceId}|${silentSince}`;

export interface SourceHealthReport {
  silent: string[];
  resumed: string[];
}

/**
 * A source quiet for longer than its expected interval raises a `soc.source.silent` alert through the
 * normal alert path (and a `source.silent` live message); when it delivers again the alert closes.
 * Silence is a finding in a SOC: a firewall that stops logging is as likely an attack as an outage.
 */
@Injectable()
export class SourceHealthMonitor {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly sources: SourcesRepository,
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {}

  @Interval('source-health', 60_000)
  tick(): void {
    this.check().catch((error: unknown) => this.logger.error({ err: error }, 'source health check failed'));
  }

  check(): Promise<SourceHealthReport> {
    return this.transactions.run(async (tx) => {
      if (!(await tryTransactionLock(tx, SOURCE_HEALTH_LOCK))) return { silent: [], resumed: [] };
      const now = this.clock.now();
      const silent = await this.sources.markNewlySilent(tx, now);
      const findings: AlertFinding[] = silent.map((s) => ({
        change: 'created',
        fingerprint: fingerprintOf(s.id, now.toISOString()),
        ruleId: RULE.id,
        title: RULE.title,
        severity: 'medium',
        tags: ['soc.source_health'],
        entities: { agencyId: s.agencyId },
        firstSeen: s.lastSeenAt ?? now.toISOString(),
        lastSeen: now.toISOString(),
        eventCount: 0,
        eventIds: [],
        explanation: `no records from source ${s.id} since ${s.lastSeenAt ?? 'its registration'} (expected at least every ${s.intervalSeconds} s)`,
      }));
      const created = await this.alerts.applyFindings(tx, findings);
      await this.outbox.append(tx, [
        ...created.map((c) => ({ type: 'alert.created' as const, agencyId: c.alert.agencyId, payload: c.alert })),
        ...silent.map((s) => ({ type: 'source.silent' as const, agencyId: s.agencyId, payload: { sourceId: s.id, lastSeenAt: s.lastSeenAt, silentSince: now.toISOString() } })),
      ]);

      const resumed = await this.sources.clearResumed(tx);
      for (const r of resumed) {
        const closed = await this.alerts.closeByFingerprint(tx, fingerprintOf(r.id, r.silentSince));
        await this.outbox.append(tx, [
          ...(closed ? [{ type: 'alert.updated' as const, agencyId: closed.agencyId, payload: closed }] : []),
          { type: 'source.resumed', agencyId: closed?.agencyId ?? null, payload: { sourceId: r.id, silentSince: r.silentSince } },
        ]);
      }
      if (silent.length + resumed.length > 0) this.logger.info({ silent: silent.map((s) => s.id), resumed: resumed.map((r) => r.id) }, 'source health changed');
      return { silent: silent.map((s) => s.id), resumed: resumed.map((r) => r.id) };
    });
  }
}
