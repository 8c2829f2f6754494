import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Readable } from 'node:stream';
import { parseRaw } from '@soc/parsers';
import { loadConfig } from '@soc/shared';
import { CliCommand, CliIo } from '../cli-io';

/** Offline parser check: raw lines in, one normalized event (or dead-letter reason) per line out. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Parse raw log lines offline and print normalized events as JSON lines',
  usage: 'parse [--input <file>]... [--source <id>]   (reads stdin when no --input)',
  async run(args: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
      args,
      options: { input: { type: 'string', multiple: true }, source: { type: 'string', default: 'cli' } },
      strict: true,
    });
    const { timeZone } = loadConfig(io.env);
    const inputs: Readable[] = values.input?.length ? values.input.map((file) => createReadStream(file, 'utf8')) : [io.stdin];
    let lines = 0;
    let parsed = 0;
    for (const input of inputs) {
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        if (line.trim().length === 0) continue;
        lines += 1;
        const outcome = parseRaw({ sourceId: values.source, receivedAt: new Date(), transport: 'kafka', payload: line }, { timeZone });
        if (outcome.ok) parsed += 1;
        io.stdout.write(JSON.stringify(outcome.ok ? outcome.event : { deadLetter: outcome.reason, original: line }) + '\n');
      }
    }
    io.stderr.write(`parse: ${lines} lines, parsed ${parsed}, dead letters ${lines - parsed}\n`);
    return 0;
  },
};
