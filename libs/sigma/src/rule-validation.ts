import {
  SIGMA_LEVELS,
  SIGMA_STATUSES,
  SigmaDetection,
  SigmaDocument,
  SigmaFieldMap,
  SigmaFilter,
  SigmaLevel,
  SigmaLogsource,
  SigmaRule,
  SigmaScalar,
  SigmaSearch,
  SigmaStatus,
} from './sigma-rule';
import { SigmaReason } from './sigma-reason';

type Json = Record<string, unknown>;
export type Validated<T> = { ok: true; value: T } | { ok: false; reason: SigmaReason };

const invalid = (message: string): { ok: false; reason: SigmaReason } => ({ ok: false, reason: { code: 'invalid-document', message } });

/** Thrown while validating: the document breaks the format, or uses a part of it we do not run. */
class Invalid extends Error {}
class UnsupportedDocument extends Error {}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown): value is SigmaScalar =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

function text(doc: Json, key: string, required: true): string;
function text(doc: Json, key: string, required?: false): string | undefined;
function text(doc: Json, key: string, required = false): string | undefined {
  const value = doc[key];
  if (value === undefined || value === null) {
    if (required) throw new Invalid(`missing '${key}'`);
    return undefined;
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new Invalid(`'${key}' must be a string`);
}

/** Lists that rules sometimes write as a single string (`falsepositives: Unknown`). */
function texts(doc: Json, key: string): string[] {
  const value = doc[key];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    throw new Invalid(`'${key}' must be a list of strings`);
  });
}

function oneOf<T extends string>(doc: Json, key: string, allowed: readonly T[]): T | undefined {
  const value = text(doc, key);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new Invalid(`'${key}' must be one of ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

function logsourceOf(doc: Json): SigmaLogsource {
  const value = doc.logsource;
  if (!isObject(value)) throw new Invalid("missing 'logsource'");
  const logsource: SigmaLogsource = {};
  for (const key of ['product', 'category', 'service'] as const) {
    const part = text(value, key);
    // Taxonomy values are lower case; rules in the wild are not always.
    if (part !== undefined) logsource[key] = part.toLowerCase();
  }
  return logsource;
}

function fieldMapOf(value: Json, where: string): SigmaFieldMap {
  const map: Record<string, SigmaScalar | readonly SigmaScalar[]> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (isScalar(entry)) map[key] = entry;
    else if (Array.isArray(entry) && entry.every(isScalar)) map[key] = entry;
    else throw new Invalid(`${where}: '${key}' must be a value or a list of values`);
  }
  return map;
}

function searchOf(name: string, value: unknown): SigmaSearch {
  if (isObject(value)) return fieldMapOf(value, `search '${name}'`);
  if (Array.isArray(value)) {
    return value.map((item: unknown) => {
      if (isObject(item)) return fieldMapOf(item, `search '${name}'`);
      if (isScalar(item)) return item;
      throw new Invalid(`search '${name}': list items must be maps or values`);
    });
  }
  // A bare value is a single keyword.
  if (isScalar(value) && value !== null) return [value];
  throw new Invalid(`search '${name}' must be a map or a list`);
}

/** `selection…` entries and the condition; `timeframe` belongs to Sigma 1 aggregations, which we do not run. */
function detectionOf(value: unknown, section: string): SigmaDetection {
  if (!isObject(value)) throw new Invalid(`missing '${section}'`);
  const { condition, ...rest } = value;
  const conditions = typeof condition === 'string' ? [condition] : Array.isArray(condition) && condition.every((c) => typeof c === 'string') ? condition : undefined;
  if (!conditions || conditions.length === 0) throw new Invalid(`'${section}.condition' must be a string or a list of strings`);
  const searches: Record<string, SigmaSearch> = {};
  for (const [name, search] of Object.entries(rest)) {
    if (section === 'filter' && name === 'rules') continue;
    if (name === 'timeframe') throw new UnsupportedDocument(`'${section}.timeframe' (Sigma 1 aggregation) is not supported`);
    searches[name] = searchOf(name, search);
  }
  return { searches, conditions };
}


function ruleOf(doc: Json, origin: string | undefined): SigmaRule {
  const rule: SigmaRule = {
    kind: 'rule',
    title: text(doc, 'title', true),
    tags: texts(doc, 'tags'),
    references: texts(doc, 'references'),
    falsepositives: texts(doc, 'falsepositives'),
    fields: texts(doc, 'fields'),
    logsource: logsourceOf(doc),
    detection: detectionOf(doc.detection, 'detection'),
  };
  const optional: Partial<Record<'id' | 'name' | 'description' | 'author' | 'date' | 'modified', string>> = {};
  for (const key of ['id', 'name', 'description', 'author', 'date', 'modified'] as const) {
    const value = text(doc, key);
    if (value !== undefined) optional[key] = value;
  }
  const status: SigmaStatus | undefined = oneOf(doc, 'status', SIGMA_STATUSES);
  const level: SigmaLevel | undefined = oneOf(doc, 'level', SIGMA_LEVELS);
  return { ...rule, ...optional, ...(status ? { status } : {}), ...(level ? { level } : {}), ...(origin ? { origin } : {}) };
}

function filterOf(doc: Json, origin: string | undefined): SigmaFilter {
  const section = doc.filter;
  if (!isObject(section)) throw new Invalid("'filter' must be a map");
  const rules = texts(section, 'rules');
  if (rules.length === 0) throw new Invalid("'filter.rules' must name at least one rule");
  const id = text(doc, 'id');
  const description = text(doc, 'description');
  return {
    kind: 'filter',
    title: text(doc, 'title', true),
    ...(id ? { id } : {}),
    ...(description ? { description } : {}),
    logsource: logsourceOf(doc),
    rules,
    detection: detectionOf(section, 'filter'),
    ...(origin ? { origin } : {}),
  };
}

/** One YAML document (already parsed) → a detection rule or a filter, or the reason it is not one. */
export function validateDocument(doc: unknown, origin?: string): Validated<SigmaDocument> {
  if (!isObject(doc)) return invalid('a Sigma document must be a YAML map');
  try {
    if ('correlation' in doc) return { ok: false, reason: { code: 'unsupported-document', message: 'correlation rules are not supported yet' } };
    if ('action' in doc) return { ok: false, reason: { code: 'unsupported-document', message: "rule collections ('action: global/reset/repeat', Sigma 1) are not supported" } };
    if ('filter' in doc) return { ok: true, value: filterOf(doc, origin) };
    return { ok: true, value: ruleOf(doc, origin) };
  } catch (error) {
    if (error instanceof Invalid) return invalid(error.message);
    if (error instanceof UnsupportedDocument) return { ok: false, reason: { code: 'unsupported-document', message: error.message } };
    throw error;
  }
}
