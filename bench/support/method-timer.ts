import { performance } from 'node:perf_hooks';

export interface StepTiming {
  calls: number;
  ms: number;
  /** Sum of `weigh(args)` over the calls (e.g. rows or findings passed). */
  items: number;
  errors: number;
}

/**
 * Wraps methods of live objects to add up the time spent in them (sync or async). Used to see where
 * the app's ingest time goes without touching its code; a few performance.now() calls per batch.
 */
export class MethodTimer {
  readonly steps = new Map<string, StepTiming>();

  /** Returns false (and times nothing) when the object has no such method. */
  wrap(target: object | undefined, method: string, label: string, weigh?: (args: unknown[]) => number): boolean {
    const holder = target as Record<string, unknown> | undefined;
    const original = holder?.[method];
    if (!holder || typeof original !== 'function') return false;
    const step: StepTiming = { calls: 0, ms: 0, items: 0, errors: 0 };
    this.steps.set(label, step);
    const record = (began: number, failed: boolean) => {
      step.calls += 1;
      step.ms += performance.now() - began;
      if (failed) step.errors += 1;
    };
    holder[method] = function timed(this: unknown, ...args: unknown[]): unknown {
      if (weigh) step.items += weigh(args);
      const began = performance.now();
      let result: unknown;
      try {
        result = (original as (...a: unknown[]) => unknown).apply(this, args);
      } catch (error) {
        record(began, true);
        throw error;
      }
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            record(began, false);
            return value;
          },
          (error: unknown) => {
            record(began, true);
            throw error;
          },
        );
      }
      record(began, false);
      return result;
    };
    return true;
  }

  get(label: string): StepTiming | undefined {
    return this.steps.get(label);
  }
}
