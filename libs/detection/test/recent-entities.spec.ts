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

  it('with the match count, finds the ids that joined a full sample whose tail slid, and walks all ids when unsure', () => {
    const recent = new RecentEntities();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) recent.remember(id, event(id, 'h', null, null));
    recent.resolveMatch('m', ['a', 'b', 'c', 'd'], { agencyId: null }, 4, true);
    // One joined a sample of head [a, b] and tail [c, d]: the tail slid to [d, e]; then one more.
    expect(recent.resolveMatch('m', ['a', 'b', 'd', 'e'], { agencyId: null }, 5).entities.userNames).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(recent.resolveMatch('m', ['a', 'b', 'e', 'f'], { agencyId: null }, 6).entities.userNames).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // A record standing for several counts more than the ids that joined: the new ones are still found.
    recent.remember('g', event('g', 'h', null, null));
    expect(recent.resolveMatch('m', ['a', 'b', 'f', 'g'], { agencyId: null }, 10).entities.userNames).toContain('g');
    // A count that went back (another burst under the key) or a created match: every id is looked at.
    recent.remember('x', event('x', 'h', null, null));
    expect(recent.resolveMatch('m', ['x', 'b', 'f', 'g'], { agencyId: null }, 4).entities.userNames).toContain('x');
    recent.remember('y', event('y', 'h', null, null));
    expect(recent.resolveMatch('m', ['y', 'b', 'f', 'g'], { agencyId: null }, 5, true).entities.userNames).toContain('y');
    expect(recent.resolveMatch('m', ['y', 'b', 'f', 'g', 'gone'], { agencyId: null }, 6).missing).toEqual(['gone']);
  });
});
