import { readStructuredData, StructuredData } from './structured-data';

/** The RFC 5424 header after `<PRI>`, with NILVALUE (`-`) fields left out. */
export interface Rfc5424Fields {
  /** Undefined when the stamp is NILVALUE. */
  timestamp?: Date;
  host?: string;
  app?: string;
  pid?: number;
  msgId?: string;
  structuredData?: StructuredData;
  message: string;
}

// VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP, each a NILVALUE or printable ASCII of bounded length.
const HEADER = /^1 (-|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})) ([!-~]{1,255}) ([!-~]{1,48}) ([!-~]{1,128}) ([!-~]{1,32}) /;
const BOM = '\uFEFF';

export function parseRfc5424(afterPriority: string): Rfc5424Fields | undefined {
  const header = HEADER.exec(afterPriority);
  if (!header) return undefined;
  const [, stamp, host, app, procId, msgId] = header;
  let timestamp: Date | undefined;
  if (stamp !== '-') {
    timestamp = new Date(stamp!);
    if (Number.isNaN(timestamp.getTime())) return undefined;
  }
  const sd = readStructuredData(afterPriority.slice(header[0].length));
  if (!sd) return undefined;
  const message = sd.rest.startsWith(BOM) ? sd.rest.slice(BOM.length) : sd.rest;
  return {
    timestamp,
    host: nil(host),
    app: nil(app),
    pid: procId !== undefined && /^\d{1,10}$/.test(procId) ? Number(procId) : undefined,
    msgId: nil(msgId),
    structuredData: sd.data,
    message,
  };
}

const nil = (field: string | undefined): string | undefined => (field === '-' ? undefined : field);
