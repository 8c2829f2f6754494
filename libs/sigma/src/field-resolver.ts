import { EventPath, eventPath } from './event-view';
import { LOGSOURCE_MAPPINGS, LogsourceMapping } from './logsource-mappings';
import { SigmaLogsource } from './sigma-rule';

/** Where a Sigma field (or, with `name` null, a keyword) is read in an event. */
export interface FieldAccess {
  name: string | null;
  paths: readonly EventPath[];
  /** Keywords may match in any of their paths; a field reads the first path present in the event. */
  anyPath: boolean;
}

export interface FieldResolver {
  field(name: string): FieldAccess;
  keywords(): FieldAccess;
}

/** Sigma field names taken as event paths: for logsource scopes, which the mappings write in our own field names. */
export const EVENT_PATHS: FieldResolver = {
  field: (name) => ({ name, paths: [eventPath(name)], anyPath: false }),
  keywords: () => ({ name: null, paths: ['message', 'event.original'].map((key) => eventPath(key)), anyPath: true }),
};

export function mappingResolver(mapping: LogsourceMapping): FieldResolver {
  const keywords: FieldAccess = { name: null, paths: mapping.keywords.map((key) => eventPath(key)), anyPath: true };
  return {
    field(name) {
      const mapped = mapping.fields[name];
      if (mapped !== undefined) return { name, paths: (typeof mapped === 'string' ? [mapped] : mapped).map((p) => eventPath(p)), anyPath: false };
      const looseName = mapping.looseNames === true;
      return { name, paths: mapping.otherFields.map((t) => eventPath(t.replaceAll('{field}', name), { looseName })), anyPath: false };
    },
    keywords: () => keywords,
  };
}

export interface ResolvedLogsource {
  mapping: LogsourceMapping;
  /** False: no table entry; fields are read by their Sigma names and the scope is `event.module`. */
  mapped: boolean;
}

const sameLogsource = (a: SigmaLogsource, b: SigmaLogsource) => a.product === b.product && a.category === b.category && a.service === b.service;

/**
 * The table entry for exactly this logsource. Without one the rule still compiles, reading fields by
 * their Sigma names, scoped to events whose `event.module` is the logsource's product (or service,
 * or category): rules for sources we do not parse stay loadable and inert until a parser emits them.
 */
export function resolveLogsource(logsource: SigmaLogsource, mappings: readonly LogsourceMapping[] = LOGSOURCE_MAPPINGS): ResolvedLogsource {
  const mapping = mappings.find((m) => sameLogsource(m.logsource, logsource));
  if (mapping) return { mapping, mapped: true };
  const module = logsource.product ?? logsource.service ?? logsource.category;
  return {
    mapping: { logsource, events: module === undefined ? [] : [{ 'event.module': module }], fields: {}, otherFields: ['{field}'], keywords: ['message', 'event.original'] },
    mapped: false,
  };
}
