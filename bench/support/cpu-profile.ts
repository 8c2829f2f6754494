import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';

/**
 * Records a V8 CPU profile of this process around `work` when `file` is set (BENCH_CPU_PROFILE),
 * e.g. only the end-to-end stage; open the .cpuprofile in Chrome DevTools or speedscope.
 */
export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    await writeFile(file, JSON.stringify(profile));
    process.stderr.write(`ingest-e2e bench: CPU profile of the end-to-end stage written to ${file}\n`);
  }
}
