import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `tick` every `ms` (from configuration, which `@Interval` cannot take), registered with Nest's scheduler
 * so it stops on shutdown, and unref'd so it never keeps a process alive.
 */
export function scheduleInterval(scheduler: SchedulerRegistry, name: string, ms: number, tick: () => void): void {
  const timer = setInterval(tick, ms);
  timer.unref();
  scheduler.addInterval(name, timer);
}
