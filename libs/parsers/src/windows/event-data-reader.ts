import { asObject, attribute, JsonObject, scalarText } from './json-value';

/**
 * EventData as XML→JSON converters write it, to Windows key names and text values:
 * a plain map (`{"TargetUserName":"bob"}`), or the XML's `Data` elements
 * (`{"Data":[{"@Name":"TargetUserName","#text":"bob"}]}`); unnamed `Data` become `param1…` as Winlogbeat names them.
 */
export function readEventData(value: unknown): Record<string, string> {
  const object = asObject(value);
  if (!object) return {};
  const data = object.Data;
  if (Array.isArray(data) || (asObject(data) && attribute(data, 'Name') !== undefined)) {
    const rest = flatten(object);
    delete rest.Data;
    // Both are built by assignment (no own `__proto__` member), so Object.assign copies what a spread would.
    return Object.assign({}, rest, dataElements(Array.isArray(data) ? data : [data]));
  }
  return flatten(object);
}

function dataElements(elements: readonly unknown[]): Record<string, string> {
  const result: Record<string, string> = {};
  elements.forEach((element, index) => {
    const name = attribute(element, 'Name');
    const value = scalarText(element);
    if (value !== undefined) result[name ?? `param${index + 1}`] = value;
  });
  return result;
}

/** Scalars as text; null and `#attributes` dropped; nested objects kept as JSON text so nothing is lost. */
export function flatten(object: JsonObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === '#attributes' || value === null || value === undefined) continue;
    const text = scalarText(value);
    if (text !== undefined) result[key] = text;
    else if (typeof value === 'object') result[key] = JSON.stringify(value);
  }
  return result;
}

/** UserData holds one element named after the event (`LogFileCleared`), whose children are the fields. */
export function readUserData(value: unknown): { name?: string; data: Record<string, string> } | undefined {
  const object = asObject(value);
  if (!object) return undefined;
  const entries = Object.entries(object).filter(([key]) => key !== '#attributes');
  const [only] = entries;
  const inner = entries.length === 1 && only ? asObject(only[1]) : undefined;
  if (only && inner) return { name: only[0], data: flatten(inner) };
  return { data: flatten(object) };
}
