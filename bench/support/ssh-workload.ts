import { zoneOffsetMs } from '@soc/parsers';
import { Prng, ZipfPicker } from './prng';

/** One raw record as an agency's log shipper would put it on the raw topic. */
export interface RawRecord {
  sourceId: string;
  line: string;
}

export interface Workload {
  records: RawRecord[];
  mix: Record<LineKind, number>;
  sources: number;
  attackerIps: number;
  /** Event time covered by the lines. */
  spanMs: number;
}

export type LineKind = 'failed' | 'accepted' | 'invalid_user' | 'disconnect' | 'garbage';

export interface WorkloadOptions {
  events: number;
  sources?: number;
  attackerIps?: number;
  /** Event-time gap between consecutive lines (ms): 18 ms ≈ 55 ev/s, a busy province for an hour at 200k. */
  gapMs?: number;
  timeZone?: string;
  seed?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const AGENCIES = ['stttt', 'ubnd', 'sonv', 'sotc', 'soyt', 'sogd', 'sokhdt', 'sotnmt', 'congan', 'vpubnd'];
const ROLES = ['gw', 'web', 'mail', 'db', 'vpn'];
/** Names brute-forcers try. */
const GUESSED_USERS = ['root', 'admin', 'test', 'user', 'oracle', 'postgres', 'ubuntu', 'guest', 'ftpuser', 'git', 'pi', 'support', 'deploy', 'mysql', 'hadoop', 'www-data', 'administrator', 'dev', 'backup', 'nagios'];
const STAFF_USERS = ['root', 'quantri', 'nguyenvana', 'tranthib', 'lehoangc', 'deploy', 'ops', 'backup'];
const GARBAGE: ReadonlyArray<(r: Prng) => string> = [
  (r) => `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)} - - "GET /wp-login.php HTTP/1.1" 404 ${r.int(100, 9000)} "-" "Mozilla/5.0"`,
  (r) => `{"level":"info","msg":"health check ok","latency_ms":${r.int(1, 900)}}`,
  () => '',
  () => '   ',
  (r) => `Nov 3${r.int(0, 1)}`,
  (r) => `\u0000\u0001\u0002sshd\u0000${r.int(0, 1e6)}`,
  (r) => `-- MARK -- uptime ${r.int(1, 99999)}s`,
];

interface Source {
  id: string;
  host: string;
  format: 'bsd' | 'bsd-pri' | 'rfc3339';
}

/**
 * Realistic sshd syslog traffic for a province: mostly password guessing from a few hundred IPs
 * (Zipf: a few relentless scanners, a long tail), some staff logins, invalid-user probes,
 * disconnects, `message repeated` summaries, and about 1% lines that are not syslog at all.
 * Chronological, deterministic (seeded), in the formats rsyslog forwards: BSD, BSD with <PRI>, RFC 3339.
 */
export function sshWorkload(options: WorkloadOptions): Workload {
  const random = new Prng(options.seed ?? 20251130);
  const sourceCount = options.sources ?? 20;
  const ipCount = options.attackerIps ?? 300;
  const gapMs = options.gapMs ?? 18;
  const zone = options.timeZone ?? 'Asia/Ho_Chi_Minh';

  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length]!;
    const role = ROLES[i % ROLES.length]!;
    const nn = String(Math.floor(i / AGENCIES.length) + 1).padStart(2, '0');
    return {
      id: `${agency}-${role}${nn}`,
      host: `${role}${nn}.${agency}.gov.vn`,
      format: i % 5 === 3 ? 'rfc3339' : i % 5 === 4 ? 'bsd-pri' : 'bsd',
    };
  });
  const sourcePicker = new ZipfPicker(sourceCount, 0.6);
  const attackers = Array.from({ length: ipCount }, () => publicIp(random));
  const attackerPicker = new ZipfPicker(ipCount, 1);
  const staffIps = Array.from({ length: 25 }, () => `10.${random.int(1, 40)}.${random.int(0, 255)}.${random.int(2, 250)}`);

  const spanMs = options.events * gapMs;
  // On a whole second: BSD stamps have second resolution, so a sub-second phase would change the bursts between runs.
  const start = Math.floor((Date.now() - spanMs - 60_000) / 1000) * 1000;
  const mix: Record<LineKind, number> = { failed: 0, accepted: 0, invalid_user: 0, disconnect: 0, garbage: 0 };
  const records: RawRecord[] = [];
  for (let i = 0; i < options.events; i += 1) {
    const source = sources[sourcePicker.pick(random)]!;
    const at = start + i * gapMs + random.int(0, gapMs - 1);
    const u = random.next();
    let kind: LineKind;
    let message: string;
    const port = random.int(1024, 65535);
    if (u < 0.01) {
      kind = 'garbage';
      mix[kind] += 1;
      records.push({ sourceId: source.id, line: random.pick(GARBAGE)(random) });
      continue;
    } else if (u < 0.8) {
      kind = 'failed';
      const ip = attackers[attackerPicker.pick(random)]!;
      const user = random.pick(GUESSED_USERS);
      const invalid = user !== 'root' && random.next() < 0.6;
      const attempt = `Failed password for ${invalid ? 'invalid user ' : ''}${user} from ${ip} port ${port} ssh2`;
      message = random.next() < 0.02 ? `message repeated ${random.int(2, 5)} times: [ ${attempt}]` : attempt;
    } else if (u < 0.86) {
      kind = 'accepted';
      const method = random.next() < 0.7 ? 'publickey' : 'password';
      const tail = method === 'publickey' ? `: ED25519 SHA256:${randomBase64(random, 43)}` : '';
      message = `Accepted ${method} for ${random.pick(STAFF_USERS)} from ${random.pick(staffIps)} port ${port} ssh2${tail}`;
    } else if (u < 0.92) {
      kind = 'invalid_user';
      message = `Invalid user ${random.pick(GUESSED_USERS)} from ${attackers[attackerPicker.pick(random)]} port ${port}`;
    } else {
      kind = 'disconnect';
      const ip = attackers[attackerPicker.pick(random)]!;
      const v = random.next();
      message =
        v < 0.4
          ? `Connection closed by authenticating user root ${ip} port ${port} [preauth]`
          : v < 0.7
            ? `Disconnected from invalid user ${random.pick(GUESSED_USERS)} ${ip} port ${port} [preauth]`
            : `Received disconnect from ${ip} port ${port}:11: Bye Bye [preauth]`;
    }
    mix[kind] += 1;
    records.push({ sourceId: source.id, line: syslogLine(source, at, random.int(1000, 65000), message, zone) });
  }
  return { records, mix, sources: sourceCount, attackerIps: ipCount, spanMs };
}

function syslogLine(source: Source, atMs: number, pid: number, message: string, zone: string): string {
  const local = new Date(atMs + zoneOffsetMs(zone, atMs));
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  const tail = `${source.host} sshd[${pid}]: ${message}`;
  if (source.format === 'rfc3339') {
    const offsetMin = zoneOffsetMs(zone, atMs) / 60_000;
    const sign = offsetMin >= 0 ? '+' : '-';
    const offset = `${sign}${two(Math.floor(Math.abs(offsetMin) / 60))}:${two(Math.abs(offsetMin) % 60)}`;
    const micros = String(local.getUTCMilliseconds() * 1000 + (pid % 1000)).padStart(6, '0');
    return `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}T${clock}.${micros}${offset} ${tail}`;
  }
  const stamp = `${MONTHS[local.getUTCMonth()]} ${String(local.getUTCDate()).padStart(2, ' ')} ${clock}`;
  // auth.info (facility 4, severity 6) when forwarded over the network.
  return source.format === 'bsd-pri' ? `<38>${stamp} ${tail}` : `${stamp} ${tail}`;
}

function publicIp(random: Prng): string {
  for (;;) {
    const a = random.int(1, 223);
    if ([10, 100, 127, 169, 172, 192].includes(a)) continue;
    return `${a}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
  }
}

function randomBase64(random: Prng, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[random.int(0, 63)];
  return text;
}
