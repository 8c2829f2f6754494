/** A parsed JSON object; values stay `unknown` until a reader checks them. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * A scalar as text. XML-derived layouts put an element's text under `#text` when it also has
 * attributes (`{"#attributes":{"Qualifiers":""},"#text":"4624"}`), so that is read too.
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  const object = asObject(value);
  return object && '#text' in object ? scalarText(object['#text']) : undefined;
}

/** A non-negative integer written as a number or as decimal digits. */
export function wholeNumber(value: unknown): number | undefined {
  const text = scalarText(value)?.trim();
  if (text === undefined || !/^\d{1,15}$/.test(text)) return undefined;
  return Number(text);
}

/** An attribute as the XML→JSON converters write it: `#attributes.Name`, `@Name`, or a plain `Name` key. */
export function attribute(value: unknown, name: string): string | undefined {
  const object = asObject(value);
  if (!object) return undefined;
  return scalarText(asObject(object['#attributes'])?.[name]) ?? scalarText(object[`@${name}`]) ?? scalarText(object[name]);
}

/** Cheap test for "this line is a JSON object", for `matches`; the parse happens later, once. */
export const JSON_OBJECT = /^\s*\{/;
