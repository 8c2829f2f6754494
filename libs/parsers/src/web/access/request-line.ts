export interface RequestLine {
  method: string;
  target: string;
  /** `1.1` from `HTTP/1.1`; absent for HTTP/0.9 style `GET /`. */
  version?: string;
}

const METHOD = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const VERSION = /^HTTP\/(\d{1,2}(?:\.\d{1,2})?)$/;

/** `METHOD target HTTP/x.y`; undefined for `-`, TLS handshakes and other junk sent to an HTTP port. */
export function parseRequestLine(text: string): RequestLine | undefined {
  const firstSpace = text.indexOf(' ');
  if (firstSpace <= 0) return undefined;
  const method = text.slice(0, firstSpace);
  if (!METHOD.test(method)) return undefined;
  const lastSpace = text.lastIndexOf(' ');
  const version = lastSpace > firstSpace ? VERSION.exec(text.slice(lastSpace + 1)) : null;
  // Targets with raw spaces are malformed but real (scanners); everything between method and version is the target.
  const target = version ? text.slice(firstSpace + 1, lastSpace) : text.slice(firstSpace + 1);
  if (target.length === 0) return undefined;
  return { method, target, ...(version ? { version: version[1]! } : {}) };
}
