import type { OutboxMessage } from '../src/payload';

/** An alert as the outbox stores it (the live feed's AlertView), with the raw content the summary must drop. */
export const storedAlert = {
  id: '4f2a1c3e-0000-4000-8000-000000000001',
  ruleId: 'soc.ssh.brute_force',
  title: 'SSH brute force | many failures = attack',
  severity: 'high',
  status: 'new',
  fingerprint: 'fp-secret-ish',
  sourceIp: '203.0.113.10',
  agencyId: 'so-a',
  securityLevel: 4,
  firstSeen: '2026-11-30T09:45:00.000Z',
  lastSeen: '2026-11-30T09:45:07.000Z',
  eventCount: 8,
  eventIds: ['e1', 'e2'],
  tags: ['attack.credential_access'],
  entities: { sourceIp: '203.0.113.10', agencyId: 'so-a', userNames: ['admin'], hostNames: ['his-web01'], systemIds: ['his'], securityLevel: 4 },
  explanation: 'Failed password for invalid user admin from 203.0.113.10',
  matches: [{ selection: 'sel', field: 'user.name', value: 'admin' }],
  event: { original: 'Nov 30 16:45:00 his-web01 sshd[1000]: Failed password for invalid user admin from 203.0.113.10 port 50000 ssh2' },
  priority: 'P1',
  incidentId: '4f2a1c3e-0000-4000-8000-000000000002',
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
};

export const storedIncident = {
  id: '4f2a1c3e-0000-4000-8000-000000000002',
  ref: 'SC-000042',
  title: 'Dò mật khẩu SSH vào Phần mềm bệnh viện',
  agencyId: 'so-a',
  state: 'new',
  resolution: null,
  priority: 'P1',
  severity: 'high',
  securityLevel: 4,
  systemIds: ['his'],
  serious: false,
  seriousManual: false,
  seriousReason: null,
  effects: [],
  assigneeId: null,
  mergedInto: null,
  alertCount: 3,
  groupKeys: ['attacker:203.0.113.10'],
  firstSeen: '2026-11-30T09:45:00.000Z',
  lastSeen: '2026-11-30T09:46:00.000Z',
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
  acknowledgedAt: null,
  resolvedAt: null,
  closedAt: null,
  sla: { acknowledgeBy: '2026-11-30T10:15:00.000Z', resolveBy: '2026-11-30T14:00:00.000Z', acknowledgeBreachedAt: null, resolveBreachedAt: null },
};

export const alertMessage: OutboxMessage = { seq: 41, type: 'alert.created', ts: '2026-11-30T10:00:01.000Z', data: storedAlert };
export const incidentMessage: OutboxMessage = { seq: 42, type: 'incident.created', ts: '2026-11-30T10:00:01.000Z', data: storedIncident };
