import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, RefreshingSnapshot } from '@soc/shared';
import { IntelRepository } from './intel.repository';
import { IntelIndex } from './pure';

interface Built {
  index: IntelIndex;
  /** The lists' (id, revision) pairs the index was built from. */
  fingerprint: string;
}

/**
 * Every list's indicators as one in-memory IntelIndex, for matching events: checked at most every
 * 30 s (a change on another node shows within that time), rebuilt only when some list changed
 * (a cheap fingerprint query tells), and at once after a change on this node.
 */
@Injectable()
export class IntelDirectory {
  private readonly snapshot: RefreshingSnapshot<Built>;

  constructor(repository: IntelRepository, @Inject(CLOCK) clock: Clock) {
    this.snapshot = new RefreshingSnapshot(async (previous) => {
      // The fingerprint is read before the indicators: a change committed in between makes the next
      // check rebuild again, never keeps an index older than its fingerprint.
      const fingerprint = await repository.fingerprint();
      if (previous?.fingerprint === fingerprint) return previous;
      return { index: new IntelIndex(await repository.allIndicators()), fingerprint };
    }, clock);
  }

  async index(): Promise<IntelIndex> {
    return (await this.snapshot.get()).index;
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
