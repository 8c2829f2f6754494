import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { SyslogReceiver } from '@soc/syslog';
import { eventually } from '../support/eventually';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Agencies without Kafka send plain syslog; records take the same pipeline as every other transport. */
describe('syslog receivers: UDP and TCP (RFC 6587) into the pipeline (real PostgreSQL)', () => {
  let db: TestDatabase;
  let soc: TestApp;
  let port: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    port = soc.app.get(SyslogReceiver).port()!;
  });
  afterAll(async () => {
    await soc?.close();
    await db?.drop();
  });

  const stored = async (sourceId: string) =>
    db.query<{ transport: string; msg: string; agency_id: string | null }>(
      `SELECT transport, doc->>'message' AS msg, agency_id FROM security_events WHERE source_id = $1 ORDER BY ts`,
      [sourceId],
    );
  const tcpSend = (payload: string | Buffer) =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(payload, () => resolve()));
      socket.on('error', reject);
    });

  it('accepts UDP datagrams from an unregistered address as an unattributed syslog source', async () => {
    const udp = createSocket('udp4');
    for (const line of ['<38>Nov 30 16:40:00 fw1 app: udp one', '<38>Nov 30 16:40:01 fw1 app: udp two']) {
      await new Promise<void>((resolve, reject) => udp.send(line, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
    }
    udp.close();
    const rows = await eventually(async () => {
      const found = await stored('syslog:127.0.0.1');
      return found.length >= 2 ? found : undefined;
    }, 'UDP records stored');
    expect(rows.map((r) => [r.transport, r.msg, r.agency_id])).toEqual([
      ['syslog', 'udp one', null],
      ['syslog', 'udp two', null],
    ]);
  });

  it('attributes a sender to the registered source whose allow-list holds its address, over TCP in both framings', async () => {
    const admin = await soc.adminToken();
    await soc.call('/api/v1/agencies', { method: 'POST', token: admin, body: { id: 'so-s', name: 'Sở S' } });
    const created = await soc.call('/api/v1/sources', { method: 'POST', token: admin, body: { id: 'syslog-fw', name: 'FW', agencyId: 'so-s', allowedIps: ['127.0.0.1/32'] } });
    expect(created.status).toBe(201);
    // The address → source cache is short-lived; a fresh receiver lookup happens on the next batch after it expires,
    // so use a new app instance to see the registration immediately.
    await soc.close();
    soc = await startTestApp(db.url);
    port = soc.app.get(SyslogReceiver).port()!;

    const framed = (message: string) => `${Buffer.byteLength(message)} ${message}`;
    await tcpSend(`${failedSshLines('203.0.113.90', 3).join('\n')}\n`);
    await tcpSend(failedSshLines('203.0.113.90', 2).map(framed).join(''));
    const rows = await eventually(async () => {
      const found = await stored('syslog-fw');
      return found.length >= 5 ? found : undefined;
    }, 'TCP records stored');
    expect(rows.every((r) => r.transport === 'syslog' && r.agency_id === 'so-s')).toBe(true);
    // Five failures from one address over syslog make the same alert as over any transport.
    const alerts = (await (await soc.call('/api/v1/alerts', { token: await soc.adminToken() })).json()) as { items: Array<{ sourceIp: string; eventCount: number; agencyId: string }> };
    expect(alerts.items.find((a) => a.sourceIp === '203.0.113.90')).toMatchObject({ eventCount: 5, agencyId: 'so-s' });
  });

  it('counts what it receives in /metrics', async () => {
    const text = await (await soc.call('/metrics', { token: await soc.adminToken() })).text();
    expect(text).toMatch(/soc_syslog_received_total\{transport="tcp"\} 5/);
  });
});
