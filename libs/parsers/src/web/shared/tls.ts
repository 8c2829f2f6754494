import { EventFields } from '../../format-parser';

type Tls = NonNullable<EventFields['tls']>;

/** What an IDS or sensor log says of a TLS session, in ECS terms (the version already as `1.2`). */
export interface TlsFacts {
  version?: string;
  serverName?: string;
  ja3?: string;
  ja3s?: string;
  subject?: string;
}

/** Sets `tls` (client and server parts only when they have something) unless nothing is known. */
export function setTls(fields: EventFields, { version, serverName, ja3, ja3s, subject }: TlsFacts): void {
  const tls: Tls = {};
  if (version !== undefined) tls.version = version;
  if (serverName !== undefined || ja3 !== undefined) {
    const client: NonNullable<Tls['client']> = {};
    if (serverName !== undefined) client.server_name = serverName;
    if (ja3 !== undefined) client.ja3 = ja3;
    tls.client = client;
  }
  if (ja3s !== undefined || subject !== undefined) {
    const server: NonNullable<Tls['server']> = {};
    if (ja3s !== undefined) server.ja3s = ja3s;
    if (subject !== undefined) server.subject = subject;
    tls.server = server;
  }
  if (Object.keys(tls).length > 0) fields.tls = tls;
}
