import { clipDescription, type ImportedIndicator, type ImportResult, type IndicatorTypeInput, type Rejection } from './indicator';
import { normalizeIndicator } from './normalize';
import { parseStixPattern, type StixComparison } from './stix-pattern';
import { parseValidUntil } from './valid-until';

const SUPPORTED_PATHS = "ipv4-addr:value, ipv6-addr:value, domain-name:value, url:value, file:hashes.MD5, file:hashes.'SHA-1', file:hashes.'SHA-256'";
const HASHES: Record<string, IndicatorTypeInput> = { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256' };

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Indicators from a STIX 2.1 bundle (JSON; also a single indicator object or an array of objects).
 * Each `indicator` with `pattern_type: stix` (or none, as in STIX 2.0) yields one indicator per
 * equality comparison of its pattern; `name`/`description` become the description, `valid_until`
 * the expiry. Revoked indicators, other pattern types, unsupported patterns and comparisons come
 * back as rejections naming the STIX id; objects of other types are counted in `ignored`. Never throws.
 */
export function importStix(content: string): ImportResult {
  const indicators: ImportedIndicator[] = [];
  const rejected: Rejection[] = [];
  const ignored: Record<string, number> = {};
  let document: unknown;
  try {
    document = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    rejected.push({ where: 'bundle', reason: `not JSON: ${(error as Error).message}` });
    return { indicators, rejected, ignored };
  }
  let objects: unknown[];
  if (Array.isArray(document)) objects = document;
  else if (isObject(document) && document.type === 'bundle') {
    if (document.objects === undefined) return { indicators, rejected, ignored };
    if (!Array.isArray(document.objects)) {
      rejected.push({ where: typeof document.id === 'string' ? document.id : 'bundle', reason: 'bundle.objects is not an array' });
      return { indicators, rejected, ignored };
    }
    objects = document.objects;
  } else if (isObject(document) && typeof document.type === 'string') objects = [document];
  else {
    rejected.push({ where: 'bundle', reason: 'not a STIX bundle: expected {"type": "bundle", "objects": [...]}' });
    return { indicators, rejected, ignored };
  }

  objects.forEach((object, index) => {
    if (!isObject(object)) {
      rejected.push({ where: `objects[${index}]`, reason: 'not a JSON object' });
      return;
    }
    const where = typeof object.id === 'string' && object.id !== '' ? object.id : `objects[${index}]`;
    if (typeof object.type !== 'string') {
      rejected.push({ where, reason: 'object has no type' });
      return;
    }
    if (object.type !== 'indicator') {
      ignored[object.type] = (ignored[object.type] ?? 0) + 1;
      return;
    }
    indicatorOf(object, where, indicators, rejected);
  });
  return { indicators, rejected, ignored };
}

function indicatorOf(object: JsonObject, where: string, indicators: ImportedIndicator[], rejected: Rejection[]): void {
  const reject = (reason: string) => rejected.push({ where, reason });
  if (object.revoked === true) return void reject('revoked');
  const patternType = object.pattern_type ?? 'stix';
  if (patternType !== 'stix') return void reject(`pattern_type ${typeof patternType === 'string' ? `'${patternType}'` : JSON.stringify(patternType)} is not supported (only stix)`);
  if (typeof object.pattern !== 'string' || object.pattern.trim() === '') return void reject('no pattern');
  let validUntil: Date | undefined;
  if (object.valid_until !== undefined) {
    validUntil = typeof object.valid_until === 'string' ? parseValidUntil(object.valid_until, 0) : undefined;
    if (!validUntil) return void reject(`valid_until ${JSON.stringify(object.valid_until)} is not a timestamp`);
  }
  const pattern = parseStixPattern(object.pattern);
  if (!pattern.ok) return void reject(`pattern ${preview(object.pattern)}: ${pattern.reason}`);
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const description = clipDescription(text(object.description) ?? text(object.name));
  for (const comparison of pattern.comparisons) {
    const type = typeOf(comparison);
    if ('reason' in type) {
      reject(`${comparison.path} = '${preview(comparison.value)}': ${type.reason}`);
      continue;
    }
    const normalized = normalizeIndicator(comparison.value, type.type);
    if (!normalized.ok) {
      reject(`${comparison.path}: ${normalized.reason}`);
      continue;
    }
    if (comparison.objectType === 'ipv4-addr' && normalized.value.includes(':')) {
      reject(`${comparison.path}: '${comparison.value}' is not an IPv4 address`);
      continue;
    }
    indicators.push({
      type: normalized.type,
      value: normalized.value,
      ...(description === undefined ? {} : { description }),
      ...(validUntil === undefined ? {} : { validUntil }),
      where,
    });
  }
}

/** Which indicator type an object path holds; the reason when it is not one we list. */
function typeOf({ objectType, properties }: StixComparison): { type: IndicatorTypeInput } | { reason: string } {
  const property = properties.join('.');
  if (property === 'value') {
    if (objectType === 'ipv4-addr' || objectType === 'ipv6-addr') return { type: 'ip' };
    if (objectType === 'domain-name') return { type: 'domain' };
    if (objectType === 'url') return { type: 'url' };
  }
  if (objectType === 'file' && properties.length === 2 && properties[0] === 'hashes') {
    const algorithm = properties[1]!;
    const type = HASHES[algorithm.toUpperCase().replace(/-/g, '')];
    return type ? { type } : { reason: `hash algorithm '${algorithm}' is not supported (MD5, SHA-1, SHA-256)` };
  }
  return { reason: `object path not supported (supported: ${SUPPORTED_PATHS})` };
}

function preview(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
