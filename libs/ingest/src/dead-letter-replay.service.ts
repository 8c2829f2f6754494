import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { parseRaw } from '@soc/parsers';
import { SOC_CONFIG, type SocConfig } from '@soc/shared';
import { TransactionRunner } from '@soc/storage';
import { DeadLettersRepository } from './dead-letters.repository';
import { EventsRepository } from './events.repository';

export interface ReplayReport {
  examined: number;
  recovered: number;
  stillFailing: number;
  /** Reasons the remaining ones still fail, with counts. */
  reasons: Record<string, number>;
}

const PAGE = 500;

/**
 * Re-reads dead letters with the current parsers (after a parser fix). Each page commits its
 * recovered events and their "recovered" marks together, so a crash never stores an event twice.
 * Recovered events are searchable; they are not run through detection again (their windows have passed).
 */
@Injectable()
export class DeadLetterReplay {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly deadLetters: DeadLettersRepository,
    private readonly events: EventsRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
  ) {}

  async replay(options: { sourceId?: string; limit?: number } = {}): Promise<ReplayReport> {
    const report: ReplayReport = { examined: 0, recovered: 0, stillFailing: 0, reasons: {} };
    let afterId = '0';
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    while (report.examined < limit) {
      const page = await this.transactions.run(async (tx) => {
        const letters = await this.deadLetters.lockPending(tx, Math.min(PAGE, limit - report.examined), afterId, options.sourceId);
        const recovered: Array<{ deadLetterId: string; eventId: string }> = [];
        const failures: Array<{ deadLetterId: string; reason: string }> = [];
        const events = [];
        for (const letter of letters) {
          const outcome = parseRaw(
            { sourceId: letter.sourceId, receivedAt: letter.receivedAt, transport: letter.transport, payload: letter.raw.toString('utf8') },
            { timeZone: this.config.timeZone },
          );
          if (outcome.ok) {
            outcome.event.soc.agency_id = letter.agencyId;
            const id = randomUUID();
            events.push({ id, event: outcome.event });
            recovered.push({ deadLetterId: letter.id, eventId: id });
          } else {
            failures.push({ deadLetterId: letter.id, reason: outcome.reason });
          }
        }
        await this.events.copy(tx, events);
        await this.deadLetters.markRecovered(tx, recovered);
        await this.deadLetters.updateReasons(tx, failures);
        return { letters, recovered, failures };
      });
      if (page.letters.length === 0) break;
      afterId = page.letters[page.letters.length - 1]!.id;
      report.examined += page.letters.length;
      report.recovered += page.recovered.length;
      report.stillFailing += page.failures.length;
      for (const { reason } of page.failures) report.reasons[reason] = (report.reasons[reason] ?? 0) + 1;
    }
    return report;
  }
}
