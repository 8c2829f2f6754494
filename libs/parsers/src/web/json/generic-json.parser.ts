import { EventFields, FormatParser, FormatResult, ParseContext, formatError, formatOk } from '../../format-parser';
import { JsonObject, looksLikeJsonObject, num, parseJsonObject, str } from '../shared/json-value';
import { epochToIso, isoToIso } from '../shared/timestamps';
import { ecsSubset } from './ecs-subset';

const TIME_KEYS = ['@timestamp', 'timestamp', 'time', 'ts', 'date', 'eventTime'] as const;
const MESSAGE_KEYS = ['message', 'msg'] as const;

/** Any JSON object no specific format claimed: the whole record under `vendor.json`, plus what is safely ECS. */
export const genericJsonParser: FormatParser = {
  format: 'json',
  matches: (text: string) => looksLikeJsonObject(text),
  parse(text: string, context: ParseContext): FormatResult {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return formatError(parsed.reason);
    const record = parsed.value;
    const subset = ecsSubset(record);
    // `{ ...subset, event, vendor }` without the spread literal (see plain-object.ts); subset's keys are ECS names.
    const fields: EventFields = Object.assign({}, subset, {
      event: { kind: 'event' as const, ...subset.event, dataset: 'json', module: 'json' },
      vendor: { json: record },
    });
    const timestamp = readTimestamp(record, context.timeZone);
    if (timestamp !== undefined) fields['@timestamp'] = timestamp;
    const message = MESSAGE_KEYS.map((key) => str(record[key])).find((m) => m !== undefined);
    if (message !== undefined) fields.message = message;
    return formatOk(fields);
  },
};

/** The first time key that parses; an unparseable one is left in `vendor.json` and receipt time is used. */
function readTimestamp(record: JsonObject, zone: string): string | undefined {
  for (const key of TIME_KEYS) {
    const value = record[key];
    const epoch = num(value);
    const iso = epoch !== undefined ? (plausibleEpoch(epoch) ? epochToIso(epoch) : undefined) : typeof value === 'string' ? isoToIso(value.trim(), zone) : undefined;
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/** Epoch seconds (from 1973) or milliseconds; other numbers under a time key (`20240101`, counters) are not times. */
function plausibleEpoch(value: number): boolean {
  return (value >= 1e8 && value < 1e10) || (value >= 1e11 && value < 1e13);
}
