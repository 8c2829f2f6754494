import { randomBytes } from 'node:crypto';
import { DEMO_AGENCIES, DEMO_ATTACKS, DEMO_PROVINCE, DEMO_SYSTEMS, DEMO_USERS, type DemoSystem } from './demo-province';

/** The running SOC's REST API, as the seed uses it (an admin's access token). */
export interface SeedApi {
  call(method: string, path: string, body?: unknown, contentType?: string, apiKey?: string): Promise<unknown>;
}

export interface SeedReport {
  agencies: number;
  systems: number;
  sources: Array<{ id: string; apiKey: string }>;
  users: Array<{ username: string; password: string; roles: readonly string[] }>;
  ingestedLines: number;
}

/** Statuses recorded for a 'partial' system: its first five items, three met and two partly met. */
const PARTIAL_STATUSES = ['met', 'met', 'met', 'partial', 'partial'] as const;

/** When the seed runs, and the province's zone its servers log in. */
export interface SeedTime {
  now: Date;
  timeZone: string;
}

const MINUTE_MS = 60_000;

/**
 * Creates the demo province through the API, as an administrator would: every record goes through the
 * same validation, scoping and audit as real use. Refuses to run twice (the province agency exists).
 * The demo traffic is dated in the hour before `now` (detection ignores events from the future).
 */
export async function seedDemo(api: SeedApi, time: SeedTime): Promise<SeedReport> {
  const today = localStamp(time.now, time.timeZone).day;
  const existing = (await api.call('GET', '/api/v1/agencies')) as Array<{ id: string }>;
  if (existing.some((a) => a.id === DEMO_AGENCIES[0]!.id)) throw new Error(`the demo province is already there (agency ${DEMO_AGENCIES[0]!.id}); seed a fresh database`);

  for (const agency of DEMO_AGENCIES) {
    await api.call('POST', '/api/v1/agencies', {
      id: agency.id,
      name: agency.name,
      kind: agency.kind,
      ...(agency.parentId ? { parentId: agency.parentId } : {}),
      irContacts: [{ name: `Đầu mối ứng cứu ${agency.name}`, position: 'Chuyên viên CNTT', phone: '+84 203 3800 100', email: `ucsc.${agency.id}@${DEMO_PROVINCE.domain}` }],
      ...(agency.securityUnit ? { securityUnit: { name: agency.securityUnit, contacts: [{ name: 'Trưởng bộ phận ATTT', phone: '+84 203 3800 200' }] } } : {}),
    });
    if (agency.monitoring) {
      await api.call('POST', `/api/v1/agencies/${agency.id}/monitoring-services`, {
        provider: agency.monitoring.provider,
        kind: agency.monitoring.kind,
        validFrom: '2025-01-01',
        ...(agency.monitoring.validTo ? { validTo: agency.monitoring.validTo } : {}),
      });
    }
  }

  const sources: SeedReport['sources'] = [];
  for (const agency of DEMO_AGENCIES) {
    const source = (await api.call('POST', '/api/v1/sources', { id: `syslog-${agency.id}`, name: `Máy chủ log tập trung — ${agency.name}`, agencyId: agency.id, formatHint: 'linux-auth', expectedIntervalSeconds: 3600 })) as { apiKey: string };
    sources.push({ id: `syslog-${agency.id}`, apiKey: source.apiKey });
  }

  for (const system of DEMO_SYSTEMS) await createSystem(api, system, today);

  const users: SeedReport['users'] = [];
  for (const user of DEMO_USERS) {
    const password = `Demo-${randomBytes(9).toString('base64url')}`;
    await api.call('POST', '/api/v1/users', { ...user, password });
    users.push({ username: user.username, password, roles: user.roles });
  }

  // Telemetry: every agency's collector reports a login on each of its systems, so layer 2 sees live sources;
  // then two brute-force storms become incidents.
  let ingestedLines = 0;
  for (const agency of DEMO_AGENCIES) {
    const at = new Date(time.now.getTime() - 60 * MINUTE_MS);
    const lines = DEMO_SYSTEMS.filter((s) => s.agencyId === agency.id).map((s) => syslog(at, time.timeZone, s.host, `sshd[2001]: Accepted publickey for quantri from 10.200.0.10 port 50122 ssh2`));
    if (lines.length === 0) continue;
    await api.call('POST', '/api/v1/ingest', lines.join('\n'), 'text/plain', sources.find((s) => s.id === `syslog-${agency.id}`)!.apiKey);
    ingestedLines += lines.length;
  }
  // Each storm later than the one before: correlation runs on event time, and a stream's past is closed.
  for (const [n, attack] of DEMO_ATTACKS.entries()) {
    const system = DEMO_SYSTEMS.find((s) => s.id === attack.systemId)!;
    const key = sources.find((s) => s.id === `syslog-${system.agencyId}`)!.apiKey;
    const start = time.now.getTime() - (50 - 10 * n) * MINUTE_MS;
    const lines = Array.from({ length: 12 }, (_, i) =>
      syslog(new Date(start + i * 9_000), time.timeZone, system.host, `sshd[${3000 + i}]: Failed password for invalid user admin from ${attack.attacker} port ${40000 + i} ssh2`),
    );
    await api.call('POST', '/api/v1/ingest', lines.join('\n'), 'text/plain', key);
    ingestedLines += lines.length;
  }
  return { agencies: DEMO_AGENCIES.length, systems: DEMO_SYSTEMS.length, sources, users, ingestedLines };
}

async function createSystem(api: SeedApi, system: DemoSystem, today: string): Promise<void> {
  const agency = DEMO_AGENCIES.find((a) => a.id === system.agencyId)!;
  await api.call('POST', '/api/v1/systems', {
    id: system.id,
    agencyId: system.agencyId,
    name: system.name,
    owner: 'UBND tỉnh Sơn Hà',
    operator: agency.name,
    securityUnit: agency.securityUnit ?? null,
    systemType: system.systemType,
    informationTypes: system.informationTypes,
    ...(system.dataSubjects !== undefined ? { dataSubjects: system.dataSubjects } : {}),
    ...(system.sensitivePersonalData ? { sensitivePersonalData: true } : {}),
    ...(system.publicServiceLevel !== undefined ? { publicServiceLevel: system.publicServiceLevel } : {}),
    operates24x7: system.operates24x7 ?? false,
    goLive: '2023-01-01',
    nationalConnected: system.nationalConnected,
    ...(system.nationalConnected ? { nationalConnectedOn: '2024-06-01' } : {}),
    regulationStatus: system.level ? 'issued' : 'draft',
  });
  for (const value of [system.host, system.network]) await api.call('POST', `/api/v1/systems/${system.id}/assets`, { value });

  const proposed = system.level ?? system.proposedLevel!;
  await api.call('POST', `/api/v1/systems/${system.id}/dossier`, { action: 'submit', proposedLevel: proposed });
  if (system.level) {
    await api.call('POST', `/api/v1/systems/${system.id}/dossier`, { action: 'appraise' });
    await api.call('POST', `/api/v1/systems/${system.id}/dossier`, { action: 'approve', decisionNumber: `${100 + DEMO_SYSTEMS.indexOf(system)}/QĐ-UBND`, decisionDate: '2025-06-30', approver: approverOf(system.level) });
  }

  const latest = system.assessments?.length ? system.assessments.length - 1 : -1;
  for (const [i, assessedOn] of (system.assessments ?? []).entries()) {
    if (assessedOn > today) continue;
    await api.call('POST', `/api/v1/systems/${system.id}/assessments`, { assessor: 'Trung tâm Kiểm định an toàn thông tin (đơn vị độc lập)', assessedOn, openFindings: i === latest ? (system.openFindings ?? 0) : 0, reportRef: `BC-KT-${system.id}-${assessedOn.slice(0, 4)}` });
  }

  if (system.implementation === 'none' || !system.level) return;
  const requirements = (await api.call('GET', `/api/v1/systems/${system.id}/requirements`)) as { groups: Array<{ items: Array<{ id: string }> }> };
  const items = requirements.groups.flatMap((g) => g.items.map((item) => item.id));
  const statuses = system.implementation === 'full' ? items.map(() => 'met') : PARTIAL_STATUSES.slice(0, items.length);
  for (const [i, status] of statuses.entries()) {
    await api.call('PUT', `/api/v1/systems/${system.id}/requirements/${items[i]!}`, { status, evidence: status === 'met' ? 'Đã kiểm tra hồ sơ và cấu hình' : 'Đang hoàn thiện' });
  }
}

function approverOf(level: number): string {
  return level >= 3 ? 'Chủ tịch UBND tỉnh Sơn Hà' : 'Giám đốc Trung tâm Chuyển đổi số tỉnh';
}

/** A BSD syslog line at `at`, in the province's local time (as its servers log). */
function syslog(at: Date, timeZone: string, host: string, message: string): string {
  const { month, date, time } = localStamp(at, timeZone);
  return `${month} ${date.padStart(2, ' ')} ${time} ${host} ${message}`;
}

function localStamp(at: Date, timeZone: string): { day: string; month: string; date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const monthNumber = String(new Date(`${part('month')} 1, 2000`).getMonth() + 1).padStart(2, '0');
  return { day: `${part('year')}-${monthNumber}-${part('day').padStart(2, '0')}`, month: part('month'), date: part('day'), time: `${part('hour')}:${part('minute')}:${part('second')}` };
}
