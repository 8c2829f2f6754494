import { Position } from './sigma-pattern';
import { unsupported } from './sigma-reason';
import type { Utf16Variant } from './value-encodings';

export type Encoding = 'base64' | 'base64offset' | 'windash' | Utf16Variant;
export type Comparison = 'gt' | 'gte' | 'lt' | 'lte';

/** What a value is compared as; `string` values are Sigma strings (wildcards, escapes). */
export type ValueKind =
  | { kind: 'string' }
  | { kind: 're'; flags: string }
  | { kind: 'cidr' }
  | { kind: 'compare'; op: Comparison }
  | { kind: 'exists' }
  | { kind: 'fieldref' };

/** A search map key (`Field|mod1|mod2`) understood: which field, and how its values are matched. */
export interface FieldSpec {
  /** null: a keyword (field-less) search. */
  field: string | null;
  modifiers: readonly string[];
  value: ValueKind;
  position?: Position;
  /** Applied to string values in rule order (after placeholder expansion, before `position`). */
  encodings: readonly Encoding[];
  /** `all`: every value must match (default: any). */
  all: boolean;
  /** `cased`: compare in the rule's case (default: case-insensitive). */
  cased: boolean;
  /** `neq`: the field must differ from every value. */
  negated: boolean;
  expand: boolean;
}

const UTF16: Readonly<Record<string, Utf16Variant>> = { wide: 'utf16le', utf16le: 'utf16le', utf16be: 'utf16be', utf16: 'utf16' };
const COMPARISONS = new Set<string>(['gt', 'gte', 'lt', 'lte']);
const REGEX_FLAGS = new Set(['i', 'm', 's']);

const invalidModifiers = (message: string) => unsupported('invalid-modifiers', message);

export function parseFieldKey(key: string): FieldSpec {
  const [field = '', ...modifiers] = key.split('|');
  const spec: FieldSpec = { field: field === '' ? null : field, modifiers, value: { kind: 'string' }, encodings: [], all: false, cased: false, negated: false, expand: false };
  const encodings: Encoding[] = [];
  let value: ValueKind = { kind: 'string' };
  const setKind = (next: ValueKind, name: string) => {
    if (value.kind !== 'string') throw invalidModifiers(`modifiers '${value.kind}' and '${name}' cannot be combined`);
    value = next;
  };
  for (const modifier of modifiers) {
    if (modifier === 'contains' || modifier === 'startswith' || modifier === 'endswith') {
      if (spec.position) throw invalidModifiers(`modifiers '${spec.position}' and '${modifier}' cannot be combined`);
      spec.position = modifier;
    } else if (modifier === 'all') spec.all = true;
    else if (modifier === 'cased') spec.cased = true;
    else if (modifier === 'neq') spec.negated = true;
    else if (modifier === 'expand') spec.expand = true;
    else if (modifier === 'base64' || modifier === 'base64offset' || modifier === 'windash') encodings.push(modifier);
    else if (UTF16[modifier]) encodings.push(UTF16[modifier]);
    else if (modifier === 're') setKind({ kind: 're', flags: '' }, modifier);
    else if (REGEX_FLAGS.has(modifier)) {
      // The flags are sub-modifiers of `re` and follow it.
      if (value.kind !== 're') throw invalidModifiers(`modifier '${modifier}' applies only after 're'`);
      if (!value.flags.includes(modifier)) value = { kind: 're', flags: value.flags + modifier };
    } else if (modifier === 'cidr') setKind({ kind: 'cidr' }, modifier);
    else if (COMPARISONS.has(modifier)) setKind({ kind: 'compare', op: modifier as Comparison }, modifier);
    else if (modifier === 'exists') setKind({ kind: 'exists' }, modifier);
    else if (modifier === 'fieldref') setKind({ kind: 'fieldref' }, modifier);
    else throw unsupported('unsupported-modifier', `unsupported modifier '${modifier}'`);
  }
  spec.value = value;
  spec.encodings = encodings;
  checkCombination(spec);
  return spec;
}

/** Modifiers that change a value's text only make sense for string values (and `position` also for field references). */
function checkCombination(spec: FieldSpec): void {
  const kind = spec.value.kind;
  if (kind === 'string') return;
  if (spec.encodings.length > 0 || spec.expand) throw invalidModifiers(`modifier '${kind}' cannot be combined with encodings or 'expand'`);
  if (spec.position && kind !== 'fieldref') throw invalidModifiers(`modifiers '${kind}' and '${spec.position}' cannot be combined`);
  if (kind === 'exists' && (spec.all || spec.negated || spec.cased)) throw invalidModifiers("modifier 'exists' stands alone");
  if (spec.negated && kind !== 'fieldref') throw invalidModifiers(`modifiers 'neq' and '${kind}' cannot be combined`);
  if (spec.field === null && kind !== 're') throw invalidModifiers(`modifier '${kind}' needs a field`);
}

/** Base64 text is case-sensitive by nature: folding its case would match other bytes. */
export function isCaseSensitive(spec: FieldSpec): boolean {
  return spec.cased || spec.encodings.some((e) => e === 'base64' || e === 'base64offset');
}
