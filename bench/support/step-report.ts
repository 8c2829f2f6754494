import type { StepTiming } from './method-timer';

/** Steps inside IngestPipeline.process, in the order it runs them (labels given in end-to-end.ts). */
const INNER = ['checkpoint lock', 'state load', 'events COPY', 'dead letters', 'detect', 'alert upserts', 'outbox', 'checkpoint save'];

/**
 * "where the e2e wall time went": shares of the first-batch → all-stored time. When batches are handled
 * one at a time (kafkajs partitionsConsumedConcurrently = 1, the app's setting) the shares add up to
 * about 100%; with concurrent batches they are summed over them and can exceed it.
 */
export function describeSteps(steps: ReadonlyMap<string, StepTiming>, wallMs: number, maxConcurrent = 1): string {
  const ms = (label: string) => steps.get(label)?.ms ?? 0;
  const share = (value: number) => `${((100 * value) / wallMs).toFixed(1)}%`;
  const handler = steps.get('handleBatch');
  if (!handler) return 'n/a (IngestPipeline.handleBatch not found)';
  const parts: string[] = [];
  if (steps.has('transaction') && steps.has('process')) parts.push(`BEGIN/COMMIT ${share(ms('transaction') - ms('process'))}`);
  let inner = 0;
  for (const label of INNER) {
    const step = steps.get(label);
    if (!step) continue;
    inner += step.ms;
    const detail = step.items > 0 ? ` (${step.calls} calls, ${step.items} items)` : '';
    parts.push(`${label} ${share(step.ms)}${detail}`);
  }
  if (steps.has('process')) parts.push(`parse + rest ${share(ms('process') - inner)}`);
  const errors = handler.errors > 0 ? `, ${handler.errors} failed batches` : '';
  const outside =
    maxConcurrent > 1
      ? `up to ${maxConcurrent} batches at once, so shares are summed over them`
      : `outside it (kafkajs fetch/decode, offset commit, waits) ${share(wallMs - handler.ms)}`;
  return `in IngestPipeline.handleBatch ${share(handler.ms)} over ${handler.calls} batches${errors} [${parts.join(', ')}]; ${outside}`;
}
