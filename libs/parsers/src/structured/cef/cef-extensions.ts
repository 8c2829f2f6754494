import { parseDeviceTime, WrittenZone } from '../device-time';
import { cefKey } from './cef-keys';

/** Extension values by full key name, typed as the CEF specification says (numbers, ISO timestamps). */
export type CefExtensions = Record<string, string | number>;

/**
 * Values that do not read as their type (templated `%llu`, `componentName`) are kept as written:
 * a wrong type is the sender's bug, and dropping the value would lose evidence.
 */
export function typedExtensions(pairs: [string, string][], zone: WrittenZone, receivedAt: Date): CefExtensions {
  const extensions: CefExtensions = {};
  for (const [key, raw] of pairs) {
    const { name, type } = cefKey(key);
    extensions[name] = typed(raw, type, zone, receivedAt);
  }
  return extensions;
}

function typed(raw: string, type: ReturnType<typeof cefKey>['type'], zone: WrittenZone, receivedAt: Date): string | number {
  if (type === 'integer' && /^-?\d{1,15}$/.test(raw)) return Number(raw);
  if (type === 'float' && raw.trim() !== '' && Number.isFinite(Number(raw))) return Number(raw);
  if (type === 'timestamp') return parseDeviceTime(raw, zone, receivedAt)?.toISOString() ?? raw;
  return raw;
}
