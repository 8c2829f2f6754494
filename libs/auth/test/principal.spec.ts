import { ALL_AGENCIES, agenciesScope } from '@soc/shared';
import { actorOf, agencyScopeOf, Permission, permissionsOf, PROVINCE_WIDE_ROLES, type Principal, ROLES, userPrincipal } from '@soc/auth';

describe('agencyScopeOf', () => {
  it.each(PROVINCE_WIDE_ROLES.map((role) => [role]))('gives %s every agency', (role) => {
    expect(agencyScopeOf([role], ['agency-a'])).toEqual({ all: true });
  });

  it('limits agency_it alone to its agencies', () => {
    expect(agencyScopeOf(['agency_it'], ['agency-a', 'agency-b'])).toEqual({ all: false, agencies: ['agency-a', 'agency-b'] });
    expect(agencyScopeOf(['agency_it'], [])).toEqual({ all: false, agencies: [] });
  });

  it('gives agency_it plus a province-wide role every agency', () => {
    expect(agencyScopeOf(['agency_it', 'soc_analyst'], ['agency-a'])).toEqual({ all: true });
  });

  it('copies the agency list', () => {
    const agencies = ['agency-a'];
    const scope = agencyScopeOf(['agency_it'], agencies);
    agencies.push('agency-b');
    expect(scope).toEqual({ all: false, agencies: ['agency-a'] });
  });
});

describe('permissionsOf', () => {
  it('gives admin users:manage but never ingest:write', () => {
    const admin = permissionsOf(['admin']);
    expect(admin.has(Permission.UsersManage)).toBe(true);
    expect(admin.has(Permission.AuditRead)).toBe(true);
    expect(admin.has(Permission.IngestWrite)).toBe(false);
  });

  it('gives no person ingest:write, whatever the roles', () => {
    expect(permissionsOf(ROLES).has(Permission.IngestWrite)).toBe(false);
  });

  it('lets agency_it read alerts but not triage them', () => {
    const agencyIt = permissionsOf(['agency_it']);
    expect(agencyIt.has(Permission.AlertsRead)).toBe(true);
    expect(agencyIt.has(Permission.AlertsTriage)).toBe(false);
    expect(agencyIt.has(Permission.UsersManage)).toBe(false);
  });

  it('lets the auditor read the audit log but not manage users', () => {
    const auditor = permissionsOf(['auditor']);
    expect(auditor.has(Permission.AuditRead)).toBe(true);
    expect(auditor.has(Permission.UsersRead)).toBe(true);
    expect(auditor.has(Permission.UsersManage)).toBe(false);
    expect(auditor.has(Permission.AlertsTriage)).toBe(false);
  });

  it('unions the permissions of several roles', () => {
    const both = permissionsOf(['agency_it', 'ir_member']);
    expect(both.has(Permission.AlertsTriage)).toBe(true);
    expect(permissionsOf([]).size).toBe(0);
  });
});

describe('actorOf', () => {
  it('names each kind of principal', () => {
    const user = userPrincipal({ userId: 'u-1', username: 'alice', sessionId: 's-1', roles: ['agency_it'], agencyIds: ['agency-a'] });
    expect(user.scope).toEqual({ all: false, agencies: ['agency-a'] });
    expect(actorOf(user)).toBe('user:alice');

    const source: Principal = { kind: 'source', sourceId: 'src-7', agencyId: 'agency-a', permissions: new Set([Permission.IngestWrite]), scope: agenciesScope(['agency-a']) };
    expect(actorOf(source)).toBe('source:src-7');

    const scraper: Principal = { kind: 'scraper', permissions: new Set([Permission.MetricsRead]), scope: ALL_AGENCIES };
    expect(actorOf(scraper)).toBe('scraper');

    expect(actorOf(undefined)).toBe('anonymous');
  });
});
