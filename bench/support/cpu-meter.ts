import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface CpuReading {
  /** Whole machine (Kafka, PostgreSQL and this process together), % of all CPUs; undefined off Linux. */
  machinePct?: number;
  /** This Node process, % of one CPU. */
  processPct: number;
}

/** Starts measuring CPU use; call the returned function to read it over the interval. */
export function meterCpu(): () => CpuReading {
  const machineBefore = machineTicks();
  const processBefore = process.cpuUsage();
  const began = performance.now();
  return () => {
    const wallUs = (performance.now() - began) * 1000;
    const used = process.cpuUsage(processBefore);
    const machineAfter = machineTicks();
    const machinePct =
      machineBefore && machineAfter && machineAfter.total > machineBefore.total
        ? (100 * (machineAfter.busy - machineBefore.busy)) / (machineAfter.total - machineBefore.total)
        : undefined;
    return { machinePct, processPct: wallUs > 0 ? (100 * (used.user + used.system)) / wallUs : 0 };
  };
}

/** Aggregate jiffies from /proc/stat (busy = all but idle and iowait). */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export const describeCpu = (r: CpuReading): string =>
  `CPU: machine ${r.machinePct === undefined ? 'n/a' : `${r.machinePct.toFixed(0)}% of ${cpus().length}`}, this process ${r.processPct.toFixed(0)}% of one`;
