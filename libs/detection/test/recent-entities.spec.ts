import type { SecurityEvent } from '@soc/parsers';
import { RecentEntities } from '../src/engine/recent-entities';

const event = (user: string, host: string, system: string | null, level: number | null, ip = '203.0.113.9') =>
  ({ '@timestamp': 'x', event: {}, source: { ip }, user: { name: user }, host: { name: host }, soc: { source_id: 's', transport: 'http', system_id: system, security_level: level } }) as unknown as SecurityEvent;

describe('RecentEntities', () => {
  it('names the users, hosts, systems and highest level of a match, and the ids it does not hold', () => {
    const recent = new RecentEntities();
    recent.remember('a', event('root', 'web01', 'dvc', 3));
    recent.remember('b', event('admin', 'web02', 'mail', 2));
    const { entities, missing } = recent.resolveMatch('m1', ['a', 'b', 'gone'], { agencyId: 'so-a' });
    expect(entities).toEqual({ sourceIp: '203.0.113.9', agencyId: 'so-a', userNames: ['root', 'admin'], hostNames: ['web01', 'web02'], systemIds: ['dvc', 'mail'], securityLevel: 3 });
    expect(missing).toEqual(['gone']);
  });

  it('looks up only ids not folded in yet for the match, keeping what it found before', () => {
    const recent = new RecentEntities();
    recent.remember('a', event('root', 'web01', null, null));
    recent.resolveMatch('m1', ['a'], { agencyId: null });
    recent.remember('b', event('oracle', 'web01', 'his', 4));
    const { entities } = recent.resolveMatch('m1', ['a', 'b'], { agencyId: null });
    expect(entities).toMatchObject({ userNames: ['root', 'oracle'], systemIds: ['his'], securityLevel: 4 });
    expect(recent.resolveMatch('m1', ['a', 'b'], { agencyId: null }).entities).toBe(entities); // nothing new: nothing rebuilt
  });

  it('forgets the oldest generation once two are full', () => {
    const recent = new RecentEntities(2);
    for (const id of ['a', 'b', 'c', 'd', 'e']) recent.remember(id, event(id, 'h', null, null));
    expect(recent.resolveMatch('m', ['a', 'b', 'c', 'd', 'e'], { agencyId: null }).missing).toEqual(['a', 'b']);
  });
});
