import { isIP } from 'node:net';

/** EventData (merged with UserData) by Windows key name. */
export type EventData = Readonly<Record<string, string>>;

/** A value, unless it is one of Windows' placeholders for "none" (`-`, blank); kept as written otherwise. */
export function text(data: EventData, key: string): string | undefined {
  const value = data[key];
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' || trimmed === '-' ? undefined : value;
}

/** An IP address; IPv4-mapped IPv6 (`::ffff:10.0.0.5`, as Kerberos events write it) becomes plain IPv4. */
export function ipAddress(data: EventData, key: string): string | undefined {
  const value = text(data, key)?.trim();
  if (value === undefined) return undefined;
  const mapped = /^::ffff:/i.test(value) ? value.slice(7) : undefined;
  if (mapped !== undefined && isIP(mapped) === 4) return mapped;
  return isIP(value) ? value : undefined;
}

export function port(data: EventData, key: string): number | undefined {
  const value = text(data, key)?.trim();
  if (value === undefined || !/^\d{1,5}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 && number <= 65535 ? number : undefined;
}

/** Process ids: Security events write them in hex (`0x25c`), Sysmon in decimal. */
export function processId(data: EventData, key: string): number | undefined {
  const value = text(data, key)?.trim();
  if (value === undefined) return undefined;
  // evtx renders them zero-padded to 64 bits: 0x0000000000001358.
  const hex = /^0x0*([0-9a-f]{1,12})$/i.exec(value)?.[1];
  if (hex !== undefined) return Number.parseInt(hex, 16);
  return /^\d{1,12}$/.test(value) ? Number(value) : undefined;
}

/** `DOMAIN\user` as Sysmon writes `User`. */
export function qualifiedAccount(value: string | undefined): { name: string; domain?: string } | undefined {
  if (value === undefined) return undefined;
  const slash = value.indexOf('\\');
  if (slash < 0) return { name: value };
  const name = value.slice(slash + 1);
  return name === '' ? undefined : { name, ...(slash > 0 ? { domain: value.slice(0, slash) } : {}) };
}

/** Last path component of a Windows or POSIX path. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
}

/** `CN=Jane Doe,OU=Staff,DC=corp` → `Jane Doe`; other member names unchanged. */
export function commonName(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^CN=((?:\\,|[^,])+)/i.exec(value);
  return match?.[1] ? match[1].replace(/\\,/g, ',') : value;
}
