import { incidentIdsOf, toNationalMessage } from '../src/payload';
import { alertMessage, incidentMessage, storedIncident } from './fixtures';

describe('the national payload', () => {
  it('summarises an alert with the listed fields only', () => {
    expect(toNationalMessage(alertMessage, new Map())).toEqual({
      seq: 41,
      type: 'alert.created',
      ts: '2026-11-30T10:00:01.000Z',
      alert: {
        id: '4f2a1c3e-0000-4000-8000-000000000001',
        rule: 'soc.ssh.brute_force',
        title: 'SSH brute force | many failures = attack',
        severity: 'high',
        priority: 'P1',
        agencyId: 'so-a',
        systemIds: ['his'],
        securityLevel: 4,
        sourceIp: '203.0.113.10',
        firstSeen: '2026-11-30T09:45:00.000Z',
        lastSeen: '2026-11-30T09:45:07.000Z',
        eventCount: 8,
      },
    });
  });

  it('drops raw event content: no original line, matched values, user or host names, explanation', () => {
    const text = JSON.stringify(toNationalMessage(alertMessage, new Map()));
    for (const leaked of ['original', 'sshd[1000]', 'Failed password', 'explanation', 'matches', 'userNames', 'his-web01', 'eventIds', 'fingerprint']) {
      expect(text).not.toContain(leaked);
    }
  });

  it('summarises an incident with its observable count', () => {
    expect(toNationalMessage(incidentMessage, new Map([[storedIncident.id, 5]]))).toEqual({
      seq: 42,
      type: 'incident.created',
      ts: '2026-11-30T10:00:01.000Z',
      incident: {
        id: storedIncident.id,
        ref: 'SC-000042',
        title: 'Dò mật khẩu SSH vào Phần mềm bệnh viện',
        state: 'new',
        severity: 'high',
        priority: 'P1',
        serious: false,
        agencyId: 'so-a',
        systemIds: ['his'],
        securityLevel: 4,
        alertCount: 3,
        observableCount: 5,
      },
    });
    expect(JSON.stringify(toNationalMessage(incidentMessage, new Map()))).not.toContain('groupKeys');
  });

  it('takes the incident of an SLA breach', () => {
    const breach = { seq: 43, type: 'sla.breached' as const, ts: '2026-11-30T10:16:00.000Z', data: { sla: 'acknowledge', label: 'x', dueAt: '2026-11-30T10:15:00.000Z', incident: storedIncident } };
    expect(toNationalMessage(breach, new Map())).toMatchObject({ type: 'sla.breached', incident: { ref: 'SC-000042' }, sla: { kind: 'acknowledge', dueAt: '2026-11-30T10:15:00.000Z' } });
    expect(incidentIdsOf([alertMessage, incidentMessage, breach])).toEqual([storedIncident.id]);
  });

  it('survives a malformed payload without throwing', () => {
    expect(toNationalMessage({ seq: 1, type: 'alert.updated', ts: 't', data: null }, new Map())).toMatchObject({ alert: { id: '', systemIds: [], eventCount: 0 } });
  });
});
