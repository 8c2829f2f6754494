import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { connect } from 'node:tls';
import { SyslogReceiver } from '@soc/syslog';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { CertAndKey, createTestPki, TestPki } from '../support/tls-cert';

interface EventPage {
  items: Array<{ sourceId: string; sourceIp: string | null; hostName: string | null; event: { event: { original: string }; soc: { transport: string } } }>;
}

/** How the connection ended: `secure` once the client saw its handshake finish; `error` as the client saw it. */
interface Outcome {
  secure: boolean;
  error?: Error;
}

/** Failed sshd logins from `ip` as RFC 5424 messages, one second apart. */
const rfc5424 = (ip: string, count: number, host = 'web-tls') =>
  Array.from({ length: count }, (_, i) => `<38>1 2026-11-30T09:40:0${i}Z ${host} sshd 1234 - - Failed password for invalid user admin from ${ip} port ${50000 + i} ssh2`);
const octetCounted = (messages: string[]) => messages.map((m) => `${Buffer.byteLength(m)} ${m}`).join('');
const newlineFramed = (messages: string[]) => messages.map((m) => `${m}\n`).join('');

/** Agencies that send syslog across the provincial network get RFC 5425: the same pipeline, over TLS. */
describe('syslog over TLS (RFC 5425) into the pipeline (real PostgreSQL)', () => {
  let pki: TestPki;
  let caPem: Buffer;

  beforeAll(() => {
    pki = createTestPki();
    caPem = readFileSync(pki.caFile);
  });
  afterAll(() => pki?.remove());

  const tlsEnv = (extra: Record<string, string> = {}) => ({
    SYSLOG_TLS_PORT: '0',
    SYSLOG_TLS_CERT_FILE: pki.server.certFile,
    SYSLOG_TLS_KEY_FILE: pki.server.keyFile,
    ...extra,
  });

  /** Sends `payload` over TLS (verifying the server against the test CA) and resolves once the connection is closed. */
  const tlsSend = (port: number, payload: string, { identity, maxVersion }: { identity?: CertAndKey; maxVersion?: 'TLSv1.2' } = {}) =>
    new Promise<Outcome>((resolve) => {
      const outcome: Outcome = { secure: false };
      const clientCert = identity ? { cert: readFileSync(identity.certFile), key: readFileSync(identity.keyFile) } : {};
      const socket = connect({ host: '127.0.0.1', port, ca: caPem, maxVersion, ...clientCert }, () => {
        outcome.secure = true;
        socket.end(payload);
      });
      socket.on('error', (error: Error) => {
        outcome.error = error;
      });
      socket.on('close', () => resolve(outcome));
    });

  const searchEvents = async (soc: TestApp, query: string) => {
    const res = await soc.call(`/api/v1/events?${query}`, { token: await soc.adminToken() });
    expect(res.status).toBe(200);
    return ((await res.json()) as EventPage).items;
  };
  /** The events from `ip`, once `count` of them are stored. */
  const storedFrom = (soc: TestApp, ip: string, count: number) =>
    eventually(async () => {
      const items = await searchEvents(soc, `sourceIp=${ip}&limit=500`);
      return items.length >= count ? items : undefined;
    }, `${count} events from ${ip}`);
  const tlsReceived = async (soc: TestApp) => {
    const text = await (await soc.call('/metrics', { token: await soc.adminToken() })).text();
    return /^soc_syslog_received_total\{transport="tls"\} (\d+)$/m.exec(text)?.[1];
  };

  describe('server certificate only', () => {
    let db: TestDatabase;
    let soc: TestApp;
    let receiver: SyslogReceiver;
    let closed = false;

    beforeAll(async () => {
      db = await createTestDatabase();
      soc = await startTestApp(db.url, tlsEnv());
      receiver = soc.app.get(SyslogReceiver);
    });
    afterAll(async () => {
      if (!closed) await soc?.close();
      await db?.drop();
    });

    it('listens for TLS on its own system-chosen port, next to UDP and TCP', () => {
      expect(receiver.tlsPort()).toEqual(expect.any(Number));
      expect(receiver.tlsPort()).not.toBe(receiver.port());
    });

    it('stores octet-counted and newline-framed RFC 5424 messages sent over TLS as syslog events', async () => {
      const messages = rfc5424('203.0.113.60', 4);
      expect(await tlsSend(receiver.tlsPort()!, octetCounted(messages.slice(0, 2)))).toEqual({ secure: true });
      expect(await tlsSend(receiver.tlsPort()!, newlineFramed(messages.slice(2)))).toEqual({ secure: true });

      const items = await storedFrom(soc, '203.0.113.60', 4);
      // Each frame is one event holding exactly the message: no length prefix, no newline, nothing split or merged.
      expect(items.map((e) => e.event.event.original).sort()).toEqual(messages);
      expect(items.every((e) => e.sourceId === 'syslog:127.0.0.1' && e.hostName === 'web-tls' && e.event.soc.transport === 'syslog')).toBe(true);
      expect(await tlsReceived(soc)).toBe('4');
    });

    // Last in this block: it shuts the app down.
    it('shuts down without waiting for a client that never finishes its handshake', async () => {
      const stalled = tcpConnect(receiver.tlsPort()!, '127.0.0.1');
      await once(stalled, 'connect');
      // A full exchange on a later connection: by its end the server has accepted the stalled one too.
      expect(await tlsSend(receiver.tlsPort()!, '')).toEqual({ secure: true });
      const stalledClosed = once(stalled, 'close');
      // Node's TLS server would otherwise keep shutdown waiting for its 120 s handshake timeout.
      closed = true;
      await soc.close();
      await stalledClosed;
    });
  });

  describe('mutual TLS (SYSLOG_TLS_CA_FILE)', () => {
    let db: TestDatabase;
    let soc: TestApp;
    let port: number;

    beforeAll(async () => {
      db = await createTestDatabase();
      soc = await startTestApp(db.url, tlsEnv({ SYSLOG_TLS_CA_FILE: pki.caFile }));
      port = soc.app.get(SyslogReceiver).tlsPort()!;
    });
    afterAll(async () => {
      await soc?.close();
      await db?.drop();
    });

    it('refuses a client without a certificate or with one the CA did not sign, and stores nothing of theirs', async () => {
      // TLS 1.3 clients count the handshake done before the server has checked their certificate, so the refusal
      // arrives after the client sent its messages (an alert when it has none, a plain close when it is untrusted).
      const withoutCert = await tlsSend(port, newlineFramed(rfc5424('203.0.113.61', 2)));
      expect(withoutCert.error?.message).toMatch(/alert certificate required/);
      await tlsSend(port, newlineFramed(rfc5424('203.0.113.62', 2)), { identity: pki.rogueClient });
      // Over TLS 1.2 the client sees the refusal inside the handshake.
      const untrustedTls12 = await tlsSend(port, newlineFramed(rfc5424('203.0.113.64', 2)), { identity: pki.rogueClient, maxVersion: 'TLSv1.2' });
      expect(untrustedTls12.secure).toBe(false);
      expect(untrustedTls12.error?.message).toMatch(/before secure TLS connection was established/);

      // The refused connections were closed before this one opened, and the receiver hands records to the pipeline
      // in arrival order, each batch committed before the next: had theirs got in, they would be stored by now.
      expect(await tlsSend(port, octetCounted(rfc5424('203.0.113.63', 2)), { identity: pki.client })).toEqual({ secure: true });
      await storedFrom(soc, '203.0.113.63', 2);

      const everything = await searchEvents(soc, 'sourceId=syslog:127.0.0.1&limit=500');
      expect(everything.map((e) => e.sourceIp)).toEqual(['203.0.113.63', '203.0.113.63']);
      expect(await db.query(`SELECT id FROM dead_letters`)).toEqual([]);
      // Not one message of the refused clients was even read off the wire.
      expect(await tlsReceived(soc)).toBe('2');
    });
  });
});
