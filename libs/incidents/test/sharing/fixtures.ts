import type { SharedIncident } from '../../src/sharing';

/** An incident as the repository gives it: an attacker, a domain, a URL with a quote and a backslash, a hash, a user and hosts. */
export const INCIDENT: SharedIncident = {
  id: '3f6c0c8e-8a51-4f57-9d7e-1c2b3a4d5e6f',
  ref: 'SC-000042',
  title: 'SSH brute force — 203.0.113.7',
  priority: 'P1',
  state: 'investigating',
  createdAt: '2026-11-30T09:46:00.000Z',
  updatedAt: '2026-11-30T10:15:30.123Z',
  firstSeen: '2026-11-30T09:45:00.000Z',
  lastSeen: '2026-11-30T09:59:00.000Z',
  observables: [
    { type: 'ip', value: '203.0.113.7', firstSeen: '2026-11-30T09:45:00.000Z', lastSeen: '2026-11-30T09:59:00.000Z', sightings: 4 },
    { type: 'user', value: 'admin', firstSeen: '2026-11-30T09:45:00.000Z', lastSeen: '2026-11-30T09:59:00.000Z', sightings: 4 },
    { type: 'host', value: 'his-web01', firstSeen: '2026-11-30T09:45:00.000Z', lastSeen: '2026-11-30T09:59:00.000Z', sightings: 4 },
    { type: 'host', value: 'mail.so-a.example.vn', firstSeen: '2026-11-30T09:50:00.000Z', lastSeen: '2026-11-30T09:50:00.000Z', sightings: 1 },
    { type: 'domain', value: 'c2.evil.example', firstSeen: '2026-11-30T09:50:00Z', lastSeen: '2026-11-30T09:51:00Z', sightings: 2 },
    { type: 'url', value: "http://dl.evil.example/a'b\\c.exe", firstSeen: '2026-11-30T09:52:00.000Z', lastSeen: '2026-11-30T09:52:00.000Z', sightings: 1 },
    { type: 'hash', value: '275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F', firstSeen: '2026-11-30T09:53:00.000Z', lastSeen: '2026-11-30T09:53:00.000Z', sightings: 1 },
    { type: 'ip', value: '2001:db8::66', firstSeen: '2026-11-30T09:54:00.000Z', lastSeen: '2026-11-30T09:54:00.000Z', sightings: 1 },
  ],
};

export const PRODUCER = { name: 'Công an tỉnh Thử Nghiệm' };
