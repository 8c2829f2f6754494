import { valueAt } from './wazuh-decoders';

type Event = Record<string, unknown>;

/** Whether the parsed event has the labelled value. `cef:<path>` labels look inside `vendor.cef` by key name. */
export function labelMatches(event: Event, field: string, expected: unknown): boolean {
  const actual = field.startsWith('cef:') ? findCef(event, field.slice(4)) : valueAt(event, field);
  return sameValue(actual, expected);
}

function findCef(event: Event, path: string): unknown {
  const cef = valueAt(event, 'vendor.cef');
  if (cef === undefined) return undefined;
  const direct = valueAt(cef as Event, path);
  if (direct !== undefined) return direct;
  // Decoders differ in nesting (extensions.x vs x); the key name is what identifies a CEF field.
  const key = path.split('.').pop()!;
  return findKey(cef, key);
}

function findKey(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (key in value) return (value as Event)[key];
  for (const child of Object.values(value as Event)) {
    const found = findKey(child, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === undefined) return false;
  if (Array.isArray(expected) || Array.isArray(actual)) return JSON.stringify(actual) === JSON.stringify(expected);
  const [a, e] = [scalarText(actual), scalarText(expected)];
  if (a === e) return true;
  // Timestamps written differently (epoch ms vs ISO) are the same label if they are the same instant.
  const asTime = (text: string) => (/^\d{12,13}$/.test(text) ? Number(text) : /^\d{4}-\d\d-\d\dT/.test(text) ? Date.parse(text) : NaN);
  return !Number.isNaN(asTime(a)) && asTime(a) === asTime(e);
}

/** Labels are scalars; an object where a scalar is expected is shown as JSON, so it never matches by accident. */
function scalarText(value: unknown): string {
  return (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)).trim();
}
