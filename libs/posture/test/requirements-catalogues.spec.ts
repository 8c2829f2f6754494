import { groupsAtLevel } from '../src/requirements/applicability';
import type { RequirementCatalogue, RequirementGroupKind } from '../src/requirements/catalogue';
import { CATALOGUES, catalogueById, TCVN14423_2026_CATALOGUE, TT12_2022_CATALOGUE } from '../src/requirements/catalogues';
import { type Level, LEVELS, REGIMES } from '../src/pure/regimes';

const itemsAt = (catalogue: RequirementCatalogue, level: Level, groupFilter: (id: string, kind: RequirementGroupKind) => boolean = () => true) =>
  groupsAtLevel(catalogue, level)
    .filter((group) => groupFilter(group.id, group.kind))
    .flatMap((group) => group.items);
const countsByLevel = (catalogue: RequirementCatalogue, groupFilter?: (id: string, kind: RequirementGroupKind) => boolean) =>
  LEVELS.map((level) => itemsAt(catalogue, level, groupFilter).length);
const idsAt = (catalogue: RequirementCatalogue, level: Level) => itemsAt(catalogue, level).map((item) => item.id);

describe.each(Object.values(CATALOGUES))('requirement catalogue $id', (catalogue) => {
  const items = catalogue.groups.flatMap((group) => group.items.map((item) => ({ group, item })));
  const prefix = catalogue.id === 'tt12-2022' ? 'tt12.' : 'tcvn14423.';

  it('has unique, stable-looking ids prefixed by the catalogue and its group', () => {
    const groupIds = catalogue.groups.map((g) => g.id);
    expect(new Set(groupIds).size).toBe(groupIds.length);
    const itemIds = items.map(({ item }) => item.id);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    for (const { group, item } of items) {
      expect(group.id.startsWith(prefix)).toBe(true);
      expect(item.id.startsWith(`${group.id}.`)).toBe(true);
      expect(item.id).toMatch(/^[a-z0-9.-]+$/);
    }
  });

  it('gives every item a Vietnamese and English title, a coherent level band, a certainty and a source', () => {
    for (const { group, item } of items) {
      expect(item.title.vi.length).toBeGreaterThan(0);
      expect(item.title.en.length).toBeGreaterThan(0);
      expect(['V', 'G', 'U']).toContain(item.certainty);
      expect(item.source.length).toBeGreaterThan(0);
      expect(item.minLevel).toBeGreaterThanOrEqual(group.minLevel ?? 1);
      if (item.maxLevel !== undefined) expect(item.maxLevel).toBeGreaterThanOrEqual(item.minLevel);
    }
    for (const group of catalogue.groups) expect(group.name).toMatch(/\(.+\)$/);
  });

  it('carries a version', () => {
    expect(catalogue.version).toMatch(/\S/);
  });
});

describe('catalogues and regimes', () => {
  it('has the catalogue every regime names, and nothing for an unknown id', () => {
    for (const regime of Object.values(REGIMES)) expect(catalogueById(regime.catalogueId)?.id).toBe(regime.catalogueId);
    expect(catalogueById('no-such')).toBeUndefined();
    expect(catalogueById('toString')).toBeUndefined();
  });
});

describe('TT 12/2022 + TCVN 11930:2017 catalogue: the counts of the annexes', () => {
  const management = (_: string, kind: RequirementGroupKind) => kind === 'management';
  const technical = (_: string, kind: RequirementGroupKind) => kind === 'technical';
  const group = (id: string) => (groupId: string) => groupId === `tt12.${id}`;

  it('has 7 management groups and 4 technical groups', () => {
    expect(TT12_2022_CATALOGUE.groups.filter((g) => g.kind === 'management').map((g) => g.id)).toEqual([
      'tt12.policy',
      'tt12.org',
      'tt12.hr',
      'tt12.design',
      'tt12.ops',
      'tt12.risk',
      'tt12.decommission',
    ]);
    expect(TT12_2022_CATALOGUE.groups.filter((g) => g.kind === 'technical').map((g) => g.id)).toEqual(['tt12.net', 'tt12.server', 'tt12.app', 'tt12.data']);
  });

  it('asks 15 / 18 / 22 / 22 / 22 management sub-items, risk and decommissioning plans included', () => {
    expect(countsByLevel(TT12_2022_CATALOGUE, management)).toEqual([15, 18, 22, 22, 22]);
    expect(countsByLevel(TT12_2022_CATALOGUE, group('risk'))).toEqual([1, 1, 1, 1, 1]);
    expect(countsByLevel(TT12_2022_CATALOGUE, group('decommission'))).toEqual([1, 1, 1, 1, 1]);
  });

  it('asks 3 / 5 / 9 operations sub-items, security monitoring from level 3', () => {
    expect(countsByLevel(TT12_2022_CATALOGUE, group('ops'))).toEqual([3, 5, 9, 9, 9]);
    expect(idsAt(TT12_2022_CATALOGUE, 1).filter((id) => id.startsWith('tt12.ops.'))).toEqual(['tt12.ops.network', 'tt12.ops.server-application', 'tt12.ops.data']);
    expect(idsAt(TT12_2022_CATALOGUE, 2)).toEqual(expect.arrayContaining(['tt12.ops.incidents', 'tt12.ops.end-users']));
    expect(idsAt(TT12_2022_CATALOGUE, 2)).not.toContain('tt12.ops.security-monitoring');
    expect(idsAt(TT12_2022_CATALOGUE, 3)).toEqual(expect.arrayContaining(['tt12.ops.endpoints', 'tt12.ops.anti-malware', 'tt12.ops.security-monitoring', 'tt12.ops.vulnerabilities']));
  });

  it('asks for outsourced software development management from level 2', () => {
    expect(idsAt(TT12_2022_CATALOGUE, 1)).not.toContain('tt12.design.outsourced-development');
    expect(idsAt(TT12_2022_CATALOGUE, 2)).toContain('tt12.design.outsourced-development');
  });

  it('asks 13 / 17 / 21 technical items split network/server/application/data as 4/5/3/1, 5/6/4/2, 6/6/6/3', () => {
    expect(countsByLevel(TT12_2022_CATALOGUE, technical)).toEqual([13, 17, 21, 21, 21]);
    const split = (level: Level) => ['net', 'server', 'app', 'data'].map((id) => itemsAt(TT12_2022_CATALOGUE, level, group(id)).length);
    expect(split(1)).toEqual([4, 5, 3, 1]);
    expect(split(2)).toEqual([5, 6, 4, 2]);
    expect(split(3)).toEqual([6, 6, 6, 3]);
    expect(split(4)).toEqual([6, 6, 6, 3]);
    expect(split(5)).toEqual([6, 6, 6, 3]);
  });

  it('marks how sure it is: the items the annex counts name are [G], the inferred split and wording [U], nothing [V]', () => {
    const items = TT12_2022_CATALOGUE.groups.flatMap((g) => g.items);
    expect(items.find((i) => i.id === 'tt12.ops.security-monitoring')?.certainty).toBe('G');
    expect(items.find((i) => i.id === 'tt12.server.authentication')?.certainty).toBe('U');
    expect(items.some((i) => i.certainty === 'V')).toBe(false);
  });
});

describe('TCVN 14423:2026 catalogue: groups and thresholds', () => {
  const bandOf = (prefix: string) => LEVELS.map((level) => idsAt(TCVN14423_2026_CATALOGUE, level).filter((id) => id.startsWith(prefix)));

  it('has 15 groups at levels 1–2 and 18 at levels 3–5, adding monitoring & defence, secure development and security testing', () => {
    expect(LEVELS.map((level) => groupsAtLevel(TCVN14423_2026_CATALOGUE, level).length)).toEqual([15, 15, 18, 18, 18]);
    const atLevel2 = new Set(groupsAtLevel(TCVN14423_2026_CATALOGUE, 2).map((g) => g.id));
    expect(groupsAtLevel(TCVN14423_2026_CATALOGUE, 3)
      .map((g) => g.id)
      .filter((id) => !atLevel2.has(id))).toEqual(['tcvn14423.monitoring', 'tcvn14423.secure-development', 'tcvn14423.security-testing']);
  });

  it('asks the log retention of the regime at each level (none stated at level 1, then 1 / 3 / 6 / 12 months)', () => {
    expect(bandOf('tcvn14423.logging.retention-')).toEqual([
      [],
      ['tcvn14423.logging.retention-1-month'],
      ['tcvn14423.logging.retention-3-months-central'],
      ['tcvn14423.logging.retention-6-months-immutable'],
      ['tcvn14423.logging.retention-12-months'],
    ]);
    const months = (id: string) => Number(/retention-(\d+)/.exec(id)![1]);
    const regime = REGIMES['nd331-2026']!;
    expect(bandOf('tcvn14423.logging.retention-').map((ids) => (ids[0] ? months(ids[0]) : null))).toEqual(LEVELS.map((level) => regime.logRetentionMonths[level]));
  });

  it('asks 24/7 monitoring from level 4, and SIEM tuning 6-monthly, quarterly, monthly at levels 3, 4, 5', () => {
    expect(bandOf('tcvn14423.monitoring.24x7').map((ids) => ids.length)).toEqual([0, 0, 0, 1, 1]);
    expect(bandOf('tcvn14423.monitoring.tuning-')).toEqual([[], [], ['tcvn14423.monitoring.tuning-6-monthly'], ['tcvn14423.monitoring.tuning-quarterly'], ['tcvn14423.monitoring.tuning-monthly']]);
  });

  it('asks vulnerability scans yearly at levels 1–2, 6-monthly at 3–4 (critical assets quarterly at 4), quarterly at 5 (critical monthly)', () => {
    expect(bandOf('tcvn14423.vulnerability.')).toEqual([
      ['tcvn14423.vulnerability.scan-yearly'],
      ['tcvn14423.vulnerability.scan-yearly'],
      ['tcvn14423.vulnerability.scan-6-monthly'],
      ['tcvn14423.vulnerability.scan-6-monthly', 'tcvn14423.vulnerability.scan-critical-quarterly'],
      ['tcvn14423.vulnerability.scan-quarterly', 'tcvn14423.vulnerability.scan-critical-monthly'],
    ]);
  });

  it('asks a pentest programme at level 3, yearly pentests at 4, 6-monthly at 5; drills periodic at 3, yearly from 4', () => {
    expect(bandOf('tcvn14423.security-testing.')).toEqual([
      [],
      [],
      ['tcvn14423.security-testing.programme'],
      ['tcvn14423.security-testing.pentest-yearly'],
      ['tcvn14423.security-testing.pentest-6-monthly'],
    ]);
    expect(bandOf('tcvn14423.incident-response.drill-')).toEqual([[], [], ['tcvn14423.incident-response.drill-periodic'], ['tcvn14423.incident-response.drill-yearly'], ['tcvn14423.incident-response.drill-yearly']]);
  });

  it('asks MFA for remote and admin access and disabling accounts inactive for 45 days at every level', () => {
    for (const level of LEVELS) expect(idsAt(TCVN14423_2026_CATALOGUE, level)).toEqual(expect.arrayContaining(['tcvn14423.access.mfa', 'tcvn14423.access.disable-inactive-45d']));
  });
});
