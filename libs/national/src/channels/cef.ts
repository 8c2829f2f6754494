import type { NationalMessage } from '../payload/national-message';

/** CEF header fields escape `\` and `|`; a line break would end the record, so it becomes a space. */
export function escapeCefHeader(value: string): string {
  return value.replace(/[\\|]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n]/g, ' ');
}

/** CEF extension values escape `\` and `=`, and write line breaks as `\n` / `\r`. */
export function escapeCefValue(value: string): string {
  return value.replace(/[\\=]/g, (c) => `\\${c}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Our severities on CEF's 0–10 scale (the top of ArcSight's bands: low 3, medium 6, high 8, very-high 10). */
const CEF_SEVERITY: Readonly<Record<string, number>> = { informational: 1, low: 3, medium: 6, high: 8, critical: 10 };

export function cefSeverityOf(severity: string): number {
  return CEF_SEVERITY[severity] ?? 0;
}

export interface CefSettings {
  /** Device Vendor: this SOC's sender id at the national center. */
  vendor: string;
}

/** Extension keys must be plain identifiers; values are escaped. Empty values are left out. */
type Extension = Array<[key: string, value: string | number | null | undefined]>;

/**
 * `CEF:0|<vendor>|SOC|1.0|<rule or type>|<title>|<severity 0-10>|<extension>`. Standard keys where CEF has
 * one (rt, externalId, src, start, end, cnt, cat); the rest as labelled custom strings and numbers.
 */
export function toCef(message: NationalMessage, settings: CefSettings): string {
  const [signature, name, severity, extension] = partsOf(message);
  const header = ['CEF:0', settings.vendor, 'SOC', '1.0', signature, name, String(cefSeverityOf(severity))].map((field, i) => (i === 0 ? field : escapeCefHeader(field)));
  const ext = extension
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeCefValue(String(value))}`)
    .join(' ');
  return `${header.join('|')}|${ext}`;
}

/** A labelled custom field (`cs1Label=agency cs1=so-a`), or nothing when the value is absent. */
function custom(key: string, label: string, value: string | number | null): Extension {
  return value === null || value === '' ? [] : [[`${key}Label`, label], [key, value]];
}

function partsOf(message: NationalMessage): [signature: string, name: string, severity: string, extension: Extension] {
  const common: Extension = [
    ['rt', Date.parse(message.ts)],
    ['cat', message.type],
    ...custom('cn1', 'seq', message.seq),
  ];
  if ('alert' in message) {
    const a = message.alert;
    return [
      a.rule,
      a.title,
      a.severity,
      [
        ...common,
        ['externalId', a.id],
        ['src', a.sourceIp],
        ['start', Date.parse(a.firstSeen) || null],
        ['end', Date.parse(a.lastSeen) || null],
        ['cnt', a.eventCount],
        ...custom('cs1', 'agency', a.agencyId),
        ...custom('cs2', 'systems', a.systemIds.join(',')),
        ...custom('cs3', 'priority', a.priority),
        ...custom('cn2', 'securityLevel', a.securityLevel),
      ],
    ];
  }
  const i = message.incident;
  return [
    message.type,
    i.title,
    i.severity,
    [
      ...common,
      ['externalId', i.ref],
      ...custom('cs1', 'agency', i.agencyId),
      ...custom('cs2', 'systems', i.systemIds.join(',')),
      ...custom('cs3', 'priority', i.priority),
      ...custom('cs4', 'state', i.state),
      ...custom('cs5', 'incidentId', i.id),
      ...custom('cs6', 'serious', String(i.serious)),
      ...custom('cn2', 'securityLevel', i.securityLevel),
      ...custom('cn3', 'alertCount', i.alertCount),
      ...custom('flexNumber1', 'observableCount', i.observableCount),
      ...('sla' in message ? ([['act', `sla.${message.sla.kind}.breached`]] as Extension) : []),
    ],
  ];
}
