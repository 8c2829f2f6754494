import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '@soc/national';
import { SyslogFramer } from '@soc/syslog';
import { eventually } from '../support/eventually';
import { connectKafkaTestClient, describeWithKafka, KafkaTestClient, uniqueKafkaNames } from '../support/kafka-test';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SECRET = 'national-center-shared-secret-for-tests-0123456789';
const FORWARDED = ['alert.created', 'alert.updated', 'incident.created', 'incident.updated'];
const START = Date.parse('2026-11-30T10:00:00Z');

interface Status {
  channel: string;
  enabled: boolean;
  lastDeliveredSeq: number | null;
  backlog: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  nextAttemptAt: string | null;
}
interface Layer {
  layer: number;
  status: string;
  reasons: string[];
}
interface Batch {
  sender: string;
  messages: Array<{ seq: number; type: string; ts: string; alert?: Record<string, unknown>; incident?: Record<string, unknown> }>;
}

/**
 * A clock that runs in real time from START and can be pushed ahead: backoff waits pass on their own,
 * and the 24-hour freshness of layer 4 can be crossed without waiting.
 */
function movableClock() {
  const realStart = Date.now();
  let jumpMs = 0;
  return { now: () => new Date(START + (Date.now() - realStart) + jumpMs), advance: (ms: number) => (jumpMs += ms) };
}

/** The national center's webhook as a test double: verifies signatures, accepts or refuses, remembers every request. */
class TestReceiver {
  readonly requests: Array<{ idempotencyKey: string; signatureValid: boolean; batch: Batch; status: number }> = [];
  /** Accepted seqs in arrival order (a receiver de-duplicating by seq keeps the first). */
  readonly accepted: number[] = [];
  answer = 200;
  private server?: HttpServer;
  port = 0;

  get refusals(): number {
    return this.requests.filter((r) => r.status !== 200).length;
  }

  async listen(port = 0): Promise<void> {
    this.server = createHttpServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const timestamp = String(req.headers['x-soc-timestamp'] ?? '');
    const signatureValid = verifyWebhookSignature(SECRET, timestamp, body, String(req.headers['x-soc-signature'] ?? ''));
    const batch = JSON.parse(body) as Batch;
    const status = signatureValid ? this.answer : 401;
    this.requests.push({ idempotencyKey: String(req.headers['idempotency-key']), signatureValid, batch, status });
    if (status === 200) for (const m of batch.messages) if (!this.accepted.includes(m.seq)) this.accepted.push(m.seq);
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'maintenance window');
  }
}

/** The outbox seqs the connector forwards, in order: what the national center must end up with. */
async function forwardedSeqs(db: TestDatabase): Promise<number[]> {
  const rows = await db.query<{ seq: string }>('SELECT seq FROM outbox WHERE type = ANY($1) ORDER BY seq', [FORWARDED]);
  return rows.map((r) => Number(r.seq));
}

describe('national monitoring center connector (real PostgreSQL)', () => {
  describe('webhook channel: signed batches, outage, recovery, layer 4', () => {
    const clock = movableClock();
    const receiver = new TestReceiver();
    let db: TestDatabase;
    let soc: TestApp;
    let admin: string;

    beforeAll(async () => {
      await receiver.listen();
      db = await createTestDatabase();
      soc = await startTestApp(
        db.url,
        {
          SOC_NATIONAL_CONNECTOR: 'webhook',
          SOC_NATIONAL_URL: `http://127.0.0.1:${receiver.port}/soc/ingest`,
          SOC_NATIONAL_SECRET: SECRET,
          SOC_NATIONAL_SENDER_ID: 'soc-test-province',
          SOC_NATIONAL_BATCH_SIZE: '5',
          SOC_NATIONAL_POLL_MS: '100',
          SOC_NATIONAL_TIMEOUT_MS: '2000',
          SOC_NATIONAL_RETRY_BASE_MS: '100',
          SOC_NATIONAL_RETRY_MAX_MS: '400',
        },
        clock,
      );
      admin = await soc.adminToken();
      await post('/api/v1/agencies', { id: 'so-a', name: 'Sở Y tế' });
      await post('/api/v1/systems', { id: 'his', agencyId: 'so-a', name: 'Phần mềm bệnh viện', securityLevel: 4, nationalConnected: true, nationalConnectedOn: '2025-01-15' });
      await post('/api/v1/systems/his/assets', { value: 'his-web01' });
    });
    afterAll(async () => {
      await soc?.close();
      await receiver.close();
      await db?.drop();
    });

    async function post(path: string, body: unknown): Promise<void> {
      const res = await soc.call(path, { method: 'POST', token: admin, body });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    }
    const status = async (): Promise<Status> => (await (await soc.call('/api/v1/connector/status', { token: admin })).json()) as Status;
    const layer4 = async (): Promise<Layer> => ((await (await soc.call('/api/v1/systems/his/posture', { token: admin })).json()) as { layers: Layer[] }).layers[3]!;
    async function storm(ip: string): Promise<void> {
      for (let burst = 0; burst < 3; burst++) expect((await soc.ingest(failedSshLines(ip, 8, undefined, 'his-web01'))).status).toBe(202);
    }
    const drained = (what: string) =>
      eventually(async () => {
        const [s, expected] = await Promise.all([status(), forwardedSeqs(db)]);
        return expected.length > 0 && s.backlog === 0 && s.lastDeliveredSeq === expected[expected.length - 1] ? s : undefined;
      }, what);

    it('judges layer 4 on shares once a connector is configured: none yet is a warning', async () => {
      expect(await layer4()).toMatchObject({ status: 'warning' });
      expect((await layer4()).reasons.join(' ')).toContain('chưa có lần chia sẻ thành công');
      expect(await status()).toMatchObject({ channel: 'webhook', enabled: true, lastDeliveredSeq: 0, backlog: 0, consecutiveFailures: 0, lastError: null, nextAttemptAt: null });
    });

    it('delivers alerts and incidents in seq order, in signed batches, as compact summaries', async () => {
      await storm('203.0.113.10');
      const s = await drained('the first storm to reach the national center');
      expect(s).toMatchObject({ lastError: null, consecutiveFailures: 0 });

      const expected = await forwardedSeqs(db);
      const sent = receiver.requests.flatMap((r) => r.batch.messages.map((m) => m.seq));
      expect(sent).toEqual(expected);
      expect(receiver.requests.length).toBeGreaterThan(1);
      expect(receiver.requests.every((r) => r.signatureValid && r.status === 200)).toBe(true);
      for (const { batch, idempotencyKey } of receiver.requests) {
        expect(batch.sender).toBe('soc-test-province');
        expect(batch.messages.length).toBeLessThanOrEqual(5);
        expect(idempotencyKey).toBe(`${batch.messages[0]!.seq}-${batch.messages[batch.messages.length - 1]!.seq}`);
      }
      const messages = receiver.requests.flatMap((r) => r.batch.messages);
      const alert = messages.find((m) => m.type === 'alert.created')!;
      expect(alert.alert).toMatchObject({ rule: 'soc.ssh.brute_force', agencyId: 'so-a', systemIds: ['his'], securityLevel: 4, sourceIp: '203.0.113.10', priority: 'P1' });
      const incident = messages.find((m) => m.type === 'incident.created')!;
      expect(incident.incident).toMatchObject({ ref: expect.stringMatching(/^SC-\d{6}$/), state: 'new', priority: 'P1', agencyId: 'so-a', systemIds: ['his'] });
      expect((incident.incident as { observableCount: number }).observableCount).toBeGreaterThan(0);
      // Nothing of the raw events leaves the province.
      const wire = JSON.stringify(messages);
      for (const leaked of ['original', 'Failed password', 'userNames', 'explanation', 'his-web01']) expect(wire).not.toContain(leaked);

      const shares = await db.query<{ channel: string; items: number }>('SELECT channel, items FROM national_shares ORDER BY id');
      expect(shares.length).toBe(receiver.requests.length);
      expect(shares.reduce((n, r) => n + r.items, 0)).toBe(expected.length);
      expect(shares.every((r) => r.channel === 'webhook')).toBe(true);
    });

    it('makes layer 4 of a connected system ok after a share', async () => {
      const layer = await layer4();
      expect(layer).toMatchObject({ layer: 4, status: 'ok' });
      expect(layer.reasons.join(' ')).toContain('chia sẻ gần nhất');
    });

    it('keeps the cursor and retries with backoff while the receiver refuses or is gone, losing nothing', async () => {
      const before = await status();
      receiver.answer = 503;
      await storm('198.51.100.20');
      const refusing = await eventually(async () => {
        const s = await status();
        return receiver.refusals >= 3 && s.consecutiveFailures >= 3 ? s : undefined;
      }, 'three refused attempts');
      expect(refusing.lastDeliveredSeq).toBe(before.lastDeliveredSeq);
      expect(refusing.backlog).toBeGreaterThan(0);
      expect(refusing.lastError).toMatch(/^NATIONAL_REJECTED: HTTP 503/);
      expect(refusing.nextAttemptAt).not.toBeNull();
      expect(Date.parse(refusing.nextAttemptAt!)).toBeGreaterThan(Date.parse(refusing.lastAttemptAt!));
      // Every retry starts from the same seq, the first after the cursor (a batch may grow while messages keep coming).
      const refused = receiver.requests.filter((r) => r.status === 503);
      const firstAfterCursor = (await forwardedSeqs(db)).find((seq) => seq > before.lastDeliveredSeq!);
      expect(new Set(refused.map((r) => r.batch.messages[0]!.seq))).toEqual(new Set([firstAfterCursor]));
      expect(refused.every((r) => r.idempotencyKey.startsWith(`${firstAfterCursor}-`))).toBe(true);

      // The receiver goes away entirely: connection refused.
      const port = receiver.port;
      await receiver.close();
      const failuresThen = refusing.consecutiveFailures;
      const unreachable = await eventually(async () => {
        const s = await status();
        return s.consecutiveFailures >= failuresThen + 2 && s.lastError?.startsWith('NATIONAL_UNREACHABLE') ? s : undefined;
      }, 'attempts against a closed receiver');
      expect(unreachable.lastDeliveredSeq).toBe(before.lastDeliveredSeq);
      expect(unreachable.backlog).toBe((await forwardedSeqs(db)).filter((seq) => seq > before.lastDeliveredSeq!).length);
      const metrics = await (await soc.call('/metrics', { token: admin })).text();
      const rejected = /soc_national_delivery_failures_total\{channel="webhook",code="NATIONAL_REJECTED"\} (\d+)/.exec(metrics)?.[1];
      expect(Number(rejected)).toBeGreaterThanOrEqual(3);
      expect(metrics).toMatch(/soc_national_backlog\{channel="webhook"\} [1-9]/);

      // Back: everything waiting is delivered, each seq accepted once, no gaps.
      receiver.answer = 200;
      await receiver.listen(port);
      const recovered = await drained('the backlog after the outage');
      expect(recovered).toMatchObject({ backlog: 0, consecutiveFailures: 0, lastError: null, nextAttemptAt: null });
      const expected = await forwardedSeqs(db);
      expect(receiver.accepted).toEqual(expected);
      const acceptedTimes = receiver.requests.filter((r) => r.status === 200).flatMap((r) => r.batch.messages.map((m) => m.seq));
      expect(acceptedTimes).toEqual(expected);
    });

    it('turns layer 4 to a warning once the last share is older than 24 h', async () => {
      expect((await layer4()).status).toBe('ok');
      clock.advance(25 * 3_600_000);
      // Tokens are stamped by the clock too: log in again after the jump.
      admin = await soc.login('admin', TEST_ADMIN_PASSWORD);
      const layer = await layer4();
      expect(layer.status).toBe('warning');
      expect(layer.reasons.join(' ')).toContain('over 24 h ago');
    });
  });

  describeWithKafka('kafka channel (real broker)', (brokers) => {
    let db: TestDatabase;
    let soc: TestApp;
    let kafka: KafkaTestClient;
    const { topic } = uniqueKafkaNames('national');

    beforeAll(async () => {
      db = await createTestDatabase();
      kafka = await connectKafkaTestClient(brokers);
      // The national center owns its topic; the connector never creates it.
      await kafka.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2 }] });
      soc = await startTestApp(db.url, { SOC_NATIONAL_CONNECTOR: 'kafka', SOC_NATIONAL_BROKERS: brokers, SOC_NATIONAL_TOPIC: topic, SOC_NATIONAL_POLL_MS: '100' });
      const admin = await soc.adminToken();
      for (const [path, body] of [
        ['/api/v1/agencies', { id: 'so-b', name: 'Sở Tài chính' }],
        ['/api/v1/systems', { id: 'ketoan', agencyId: 'so-b', name: 'Kế toán ngân sách', securityLevel: 3 }],
        ['/api/v1/systems/ketoan/assets', { value: 'kt-db01' }],
      ] as const) {
        expect((await soc.call(path, { method: 'POST', token: admin, body })).status).toBe(201);
      }
    });
    afterAll(async () => {
      await soc?.close();
      await kafka?.close();
      await db?.drop();
    });

    it('produces every forwarded message to the topic, keyed by agency', async () => {
      for (let burst = 0; burst < 2; burst++) expect((await soc.ingest(failedSshLines('192.0.2.45', 8, undefined, 'kt-db01'))).status).toBe(202);
      const expected = await eventually(async () => {
        const s = (await (await soc.call('/api/v1/connector/status', { token: await soc.adminToken() })).json()) as Status;
        const seqs = await forwardedSeqs(db);
        return seqs.length > 0 && s.backlog === 0 && s.lastDeliveredSeq === seqs[seqs.length - 1] ? seqs : undefined;
      }, 'delivery to Kafka');
      const records = await kafka.readAll(topic, expected.length);
      const seqs = records.map((r) => (JSON.parse(r.value!.toString()) as { seq: number }).seq).sort((a, b) => a - b);
      expect(seqs).toEqual(expected);
      expect(new Set(records.map((r) => r.key?.toString()))).toEqual(new Set(['so-b']));
      const alert = records.map((r) => JSON.parse(r.value!.toString()) as Batch['messages'][number]).find((m) => m.type === 'alert.created');
      expect(alert?.alert).toMatchObject({ rule: 'soc.ssh.brute_force', sourceIp: '192.0.2.45', agencyId: 'so-b', systemIds: ['ketoan'] });
      expect(records[0]!.headers?.['soc-sender']?.toString()).toBe('soc');
    });
  });

  describe('syslog channel: RFC 5424 over TCP, CEF', () => {
    let db: TestDatabase;
    let soc: TestApp;
    let server: TcpServer;
    const lines: string[] = [];

    beforeAll(async () => {
      server = createTcpServer((socket) => {
        const framer = new SyslogFramer(64 * 1024);
        socket.on('data', (chunk) => lines.push(...framer.push(chunk)));
        socket.on('end', () => lines.push(...framer.end()));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      db = await createTestDatabase();
      soc = await startTestApp(db.url, { SOC_NATIONAL_CONNECTOR: 'syslog', SOC_NATIONAL_SYSLOG: `127.0.0.1:${port}`, SOC_NATIONAL_FORMAT: 'cef', SOC_NATIONAL_SENDER_ID: 'soc-hue', SOC_NATIONAL_POLL_MS: '100' });
    });
    afterAll(async () => {
      await soc?.close();
      await new Promise((resolve) => server?.close(resolve));
      await db?.drop();
    });

    it('sends one octet-counted RFC 5424 message with a CEF body per forwarded message', async () => {
      for (let burst = 0; burst < 2; burst++) expect((await soc.ingest(failedSshLines('192.0.2.99', 8))).status).toBe(202);
      const expected = await eventually(async () => {
        const seqs = await forwardedSeqs(db);
        return seqs.length > 0 && lines.length >= seqs.length ? seqs : undefined;
      }, 'CEF lines at the syslog receiver');
      expect(lines).toHaveLength(expected.length);
      const seqs = lines.map((line) => Number(/ cn1Label=seq cn1=(\d+)/.exec(line)?.[1]));
      expect(seqs).toEqual(expected);
      const alertLine = lines.find((line) => / alert\.created - /.test(line))!;
      expect(alertLine).toMatch(/^<10[4-9]>1 \S+ \S+ soc - alert\.created - CEF:0\|soc-hue\|SOC\|1\.0\|soc\.ssh\.brute_force\|[^|]+\|\d{1,2}\|/);
      expect(alertLine).toContain('src=192.0.2.99');
      expect(alertLine).not.toContain('Failed password');
    });
  });
});
