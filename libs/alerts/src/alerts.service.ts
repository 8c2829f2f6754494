import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@soc/audit';
import { actorOf, type Principal } from '@soc/auth';
import { OutboxRepository } from '@soc/realtime';
import { ErrorCode, SocError } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { AlertPage, AlertStatus, AlertView } from './alert.view';
import { AlertsRepository } from './alerts.repository';
import { ListAlertsQuery } from './list-alerts.query';

const NOT_FOUND = 'no such alert';

@Injectable()
export class AlertsService {
  constructor(
    private readonly alerts: AlertsRepository,
    private readonly outbox: OutboxRepository,
    private readonly audit: AuditTrail,
    private readonly transactions: TransactionRunner,
  ) {}

  list(principal: Principal, query: ListAlertsQuery): Promise<AlertPage> {
    const { limit, cursor, ...filter } = query;
    return this.alerts.list(principal.scope, limit, cursor, filter);
  }

  async get(principal: Principal, id: string): Promise<AlertView> {
    const alert = await this.alerts.get(principal.scope, id);
    if (!alert) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
    return alert;
  }

  /** The change, its live message and its audit record commit together. */
  setStatus(principal: Principal, id: string, status: AlertStatus): Promise<AlertView> {
    return this.transactions.run(async (tx) => {
      const changed = await this.alerts.setStatus(tx, principal.scope, id, status);
      if (!changed) throw new SocError(ErrorCode.NotFound, NOT_FOUND);
      const { before, alert } = changed;
      await this.outbox.append(tx, [{ type: 'alert.updated', agencyId: alert.agencyId, priority: alert.priority, payload: alert }]);
      await this.audit.record(
        { actor: actorOf(principal), action: 'alerts.status_changed', target: `alert:${id}`, agencyId: alert.agencyId, details: { from: before, to: status } },
        tx,
      );
      return alert;
    });
  }
}
