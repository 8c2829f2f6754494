import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { DetectionContent, LineReplay, readRuleSources, replayAlertView } from '@soc/detection';
import { loadConfig } from '@soc/shared';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { rulesDirOf } from './rules-test';

/** A progress line every this many records, when stderr is a terminal. */
const PROGRESS_EVERY = 10_000;

/**
 * The whole parse → normalize → detect path offline: raw lines in, one alert per line out as JSON —
 * the alert as the API shows it (`GET /api/v1/alerts`), less `id`, `status`, `createdAt` and
 * `updatedAt`, which only the alert store assigns. Inputs are one stream, read in the order given,
 * judged with a lateness budget of 0 (see `replayLines`): give them in event-time order.
 */
export const replayCommand: CliCommand = {
  name: 'replay',
  summary: 'Replay raw log lines through parsing and detection offline; print the alerts as JSON lines',
  usage: 'replay [--input <file>]... [--rules <dir>] [--now <ISO time>] [--source <id>] [--format <hint>]   (reads stdin when no --input)',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: {
        input: { type: 'string', multiple: true },
        rules: { type: 'string' },
        now: { type: 'string' },
        source: { type: 'string', default: 'replay' },
        format: { type: 'string' },
      },
      strict: true,
    });
    const now = values.now === undefined ? new Date() : new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new CliUsageError(`--now "${values.now}" is not a date and time`);
    const { timeZone } = loadConfig(io.env);
    const content = DetectionContent.compile(readRuleSources(rulesDirOf(values.rules, io)));
    for (const issue of content.issues) io.stderr.write(`replay: rule not loaded: ${[issue.origin, issue.ruleId ?? issue.title].filter(Boolean).join(' ')}: ${issue.reason}\n`);

    const replay = new LineReplay(content, { now, timeZone, sourceId: values.source, ...(values.format ? { formatHint: values.format } : {}) });
    const inputs: Array<{ name: string; stream: Readable }> = values.input?.length
      ? values.input.map((file) => ({ name: basename(file), stream: createReadStream(file, 'utf8') }))
      : [{ name: 'stdin', stream: io.stdin }];
    const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
    let read = 0;
    for (const { name, stream } of inputs) {
      for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
        replay.add(line, name);
        read += 1;
        if (tty && read % PROGRESS_EVERY === 0) {
          const { events, parsed, alerts } = replay.progress;
          io.stderr.write(`\rreplay: ${name}: ${events} events, parsed ${parsed}, alerts so far ${alerts}…`);
        }
      }
    }
    if (tty && read >= PROGRESS_EVERY) io.stderr.write('\r\x1b[K');

    const result = replay.finish();
    for (const alert of result.alerts) io.stdout.write(`${JSON.stringify(replayAlertView(alert))}\n`);
    for (const letter of result.deadLetters.slice(0, 5)) io.stderr.write(`replay: dead letter ${letter.line}: ${letter.reason}\n`);
    if (result.deadLetters.length > 5) io.stderr.write(`replay: … and ${result.deadLetters.length - 5} more dead letters\n`);
    for (const item of result.health) {
      const why =
        item.kind === 'late_events'
          ? 'records older than ones already judged (input not in event-time order): not correlated'
          : item.kind === 'future_events'
            ? `records stamped more than 5 min after --now (${now.toISOString()}): not correlated`
            : 'correlation groups dropped at the state cap';
      io.stderr.write(`replay: ${item.count} ${item.kind.replace('_', ' ')}${item.ruleId ? ` (${item.ruleId})` : ''}: ${why}\n`);
    }
    io.stderr.write(`events ${result.events}, parsed ${result.parsed}, dead letters ${result.deadLetters.length}, alerts ${result.alerts.length}\n`);
    return 0;
  },
};
