import { parseAllDocuments } from 'yaml';
import { CorrelationReason, reason } from './correlation-reason';
import { CORRELATION_LEVELS, CORRELATION_TYPES, CorrelationAliases, CorrelationLevel, CorrelationRule, CorrelationType, CountCondition } from './correlation-rule';
import { countRange, parseCountCondition } from './count-condition';
import { parseTimespan } from './timespan';

export type CorrelationParseResult = { ok: true; rule: CorrelationRule } | { ok: false; reason: CorrelationReason };

/** A correlation document that did not load, with what identifies it. */
export interface CorrelationLoadIssue {
  origin?: string;
  /** 0-based position of the document in its file. */
  index: number;
  id?: string;
  title?: string;
  reason: CorrelationReason;
}

export interface CorrelationLoadResult {
  rules: CorrelationRule[];
  issues: CorrelationLoadIssue[];
  /**
   * Positions of documents without a `correlation` section (detection rules, filters): not this
   * loader's to judge, but reported so the caller can hand them to the detection loader.
   */
  otherDocuments: number[];
}

const CORRELATION_KEYS = new Set(['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate']);

type Fail = { ok: false; reason: CorrelationReason };
const fail = (code: CorrelationReason['code'], message: string): Fail => ({ ok: false, reason: reason(code, message) });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string or a list of strings, as Sigma allows for `rules` and `group-by`; undefined when neither. */
function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item): item is string => typeof item === 'string' && item.length > 0)) return value;
  return undefined;
}

function optionalString(doc: Record<string, unknown>, key: string): string | undefined | Fail {
  const value = doc[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return fail('invalid-field', `'${key}' must be a string`);
}

const isFail = (value: unknown): value is Fail => isRecord(value) && value.ok === false;

/** One parsed YAML document → a validated correlation rule, or the reason it is not one we can run. */
export function parseCorrelationDocument(doc: unknown): CorrelationParseResult {
  if (!isRecord(doc)) return fail('invalid-document', 'document is not a mapping');
  const title = doc.title;
  if (typeof title !== 'string' || title.trim() === '') return fail('invalid-document', "'title' is required");
  const section = doc.correlation;
  if (!isRecord(section)) return fail('invalid-document', "'correlation' must be a mapping");

  const meta = { id: optionalString(doc, 'id'), name: optionalString(doc, 'name'), status: optionalString(doc, 'status'), description: optionalString(doc, 'description'), author: optionalString(doc, 'author') };
  for (const value of Object.values(meta)) if (isFail(value)) return value;
  const { id, name, status, description, author } = meta as Record<keyof typeof meta, string | undefined>;
  if (!id && !name) return fail('missing-identity', 'a correlation needs an id or a name: its matches are keyed and referenced by it');

  const level = doc.level;
  if (level !== undefined && !(CORRELATION_LEVELS as readonly unknown[]).includes(level)) {
    return fail('invalid-field', `level ${JSON.stringify(level)} is not one of ${CORRELATION_LEVELS.join(', ')}`);
  }
  const tags = doc.tags === undefined ? [] : stringList(doc.tags);
  if (!tags) return fail('invalid-field', "'tags' must be a list of strings");

  for (const key of Object.keys(section)) {
    if (!CORRELATION_KEYS.has(key)) return fail('invalid-field', `unknown correlation attribute '${key}'`);
  }
  const type = section.type;
  if (typeof type !== 'string') return fail('invalid-document', "'correlation.type' is required");
  if (!(CORRELATION_TYPES as readonly string[]).includes(type)) return fail('unsupported-type', `correlation type '${type}' is not supported`);

  const rules = stringList(section.rules);
  if (!rules || rules.length === 0) return fail('invalid-document', "'correlation.rules' must list at least one rule id or name");
  if (new Set(rules).size !== rules.length) return fail('invalid-field', "'correlation.rules' lists a rule twice");

  const groupBy = section['group-by'] === undefined || section['group-by'] === null ? [] : stringList(section['group-by']);
  if (!groupBy) return fail('invalid-field', "'correlation.group-by' must be a list of field names");
  if (new Set(groupBy).size !== groupBy.length) return fail('invalid-field', "'correlation.group-by' lists a field twice");

  const timespan = parseTimespan(section.timespan);
  if (!timespan.ok) return timespan;

  const condition = parseCondition(type as CorrelationType, section.condition, rules.length);
  if (!condition.ok) return condition;

  const aliases = parseAliases(section.aliases);
  if (!aliases.ok) return aliases;

  const generate = section.generate ?? false;
  if (typeof generate !== 'boolean') return fail('invalid-field', "'correlation.generate' must be true or false");

  const rule: CorrelationRule = {
    title,
    ...(id ? { id } : {}),
    ...(name ? { name } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(level !== undefined ? { level: level as CorrelationLevel } : {}),
    tags,
    type: type as CorrelationType,
    rules,
    groupBy,
    timespanMs: timespan.ms,
    timespan: String(section.timespan).trim(),
    condition: condition.condition,
    ...(condition.valueFields ? { valueFields: condition.valueFields } : {}),
    aliases: aliases.aliases,
    generate,
  };
  return { ok: true, rule };
}

function parseCondition(
  type: CorrelationType,
  raw: unknown,
  ruleCount: number,
): { ok: true; condition: CountCondition; valueFields?: string[] } | Fail {
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (typeof raw === 'string') return fail('unsupported-condition', 'boolean expressions as correlation conditions are not supported');
  if (raw === undefined || raw === null) {
    // The specification's default for temporal types: every referenced rule must be seen.
    if (temporal) return { ok: true, condition: { gte: ruleCount } };
    return fail('invalid-condition', `'correlation.condition' is required for ${type}`);
  }
  if (!isRecord(raw)) return fail('invalid-condition', "'correlation.condition' must be a mapping like { gte: 5 }");
  const parsed = parseCountCondition(raw);
  if (!parsed.ok) return parsed;

  let valueFields: string[] | undefined;
  if (type === 'value_count') {
    valueFields = stringList(raw.field);
    if (!valueFields || valueFields.length === 0) return fail('invalid-condition', "value_count needs 'condition.field'");
  } else if (raw.field !== undefined) {
    return fail('invalid-condition', `'condition.field' only applies to value_count, not ${type}`);
  }

  const range = countRange(parsed.condition);
  if (temporal && range.min > ruleCount) return fail('invalid-condition', `condition needs more distinct rules than the ${ruleCount} referenced`);
  // "k of n rules in order" has no agreed meaning; the whole sequence is what temporal_ordered means.
  if (type === 'temporal_ordered' && range.min !== ruleCount) {
    return fail('unsupported-condition', 'temporal_ordered supports only the whole sequence (gte: number of rules)');
  }
  return { ok: true, condition: parsed.condition, ...(valueFields ? { valueFields } : {}) };
}

function parseAliases(raw: unknown): { ok: true; aliases: CorrelationAliases } | Fail {
  if (raw === undefined || raw === null) return { ok: true, aliases: {} };
  if (!isRecord(raw)) return fail('invalid-aliases', "'correlation.aliases' must map alias names to { rule: field }");
  const aliases: Record<string, Record<string, string>> = {};
  for (const [alias, mapping] of Object.entries(raw)) {
    if (!isRecord(mapping) || Object.keys(mapping).length === 0) return fail('invalid-aliases', `alias '${alias}' must map rule names to field names`);
    const fields: Record<string, string> = {};
    for (const [rule, field] of Object.entries(mapping)) {
      if (typeof field !== 'string' || field === '') return fail('invalid-aliases', `alias '${alias}' for rule '${rule}' must name a field`);
      fields[rule] = field;
    }
    aliases[alias] = fields;
  }
  return { ok: true, aliases };
}

function identity(doc: unknown): Pick<CorrelationLoadIssue, 'id' | 'title'> {
  if (!isRecord(doc)) return {};
  return { ...(typeof doc.id === 'string' ? { id: doc.id } : {}), ...(typeof doc.title === 'string' ? { title: doc.title } : {}) };
}

/**
 * Rule text (YAML, one or more documents, as Sigma's multi-document correlation files) → the correlation
 * rules in it, an issue for every correlation document that is invalid or unsupported, and the positions
 * of the other documents. Never throws.
 */
export function loadCorrelationText(text: string, origin?: string): CorrelationLoadResult {
  const result: CorrelationLoadResult = { rules: [], issues: [], otherDocuments: [] };
  const where = origin === undefined ? {} : { origin };
  let documents: ReturnType<typeof parseAllDocuments>;
  try {
    documents = parseAllDocuments(text);
  } catch (error) {
    result.issues.push({ ...where, index: 0, reason: reason('yaml-syntax', `YAML: ${(error as Error).message}`) });
    return result;
  }
  const list = Array.isArray(documents) ? documents : [];
  list.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      result.issues.push({ ...where, index, reason: reason('yaml-syntax', `YAML: ${error.message.split('\n')[0]}`) });
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (toJsError) {
      result.issues.push({ ...where, index, reason: reason('yaml-syntax', `YAML: ${(toJsError as Error).message}`) });
      return;
    }
    if (value === null || value === undefined) return; // a trailing `---`
    if (!isRecord(value) || !('correlation' in value)) {
      result.otherDocuments.push(index);
      return;
    }
    try {
      const parsed = parseCorrelationDocument(value);
      if (parsed.ok) result.rules.push(parsed.rule);
      else result.issues.push({ ...where, index, ...identity(value), reason: parsed.reason });
    } catch (bug) {
      // A defect of ours must not stop the rest of the file from loading; it is reported, not hidden.
      result.issues.push({ ...where, index, ...identity(value), reason: reason('internal-error', `internal error: ${(bug as Error).message}`) });
    }
  });
  return result;
}
