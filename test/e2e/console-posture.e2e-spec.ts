import type { Browser, Locator, Page } from 'playwright-core';
import { apiClient } from '../../apps/soc-cli/src/commands/seed-demo.command';
import { DEMO_AGENCIES, DEMO_SYSTEMS } from '../../apps/soc-cli/src/seed/demo-province';
import { seedDemo, type SeedReport } from '../../apps/soc-cli/src/seed/seed-demo';
import { browserSkipReason, launchBrowser, openConsole, screenshot, signIn } from '../support/browser';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const skip = browserSkipReason();

/**
 * The posture pages and the rule tester in a real browser, over the demo province seeded through the API at a
 * fixed time (30 Nov 2026, 10:00 in Hà Nội). Figures as in demo-seed.e2e-spec.ts (counted by hand).
 */
(skip ? describe.skip : describe)(`console: posture and rule tester in a real browser${skip ? ` (skipped: ${skip})` : ''}`, () => {
  const nowMs = Date.parse('2026-11-30T03:00:00Z');
  const clock = { now: () => new Date(nowMs) };
  let db: TestDatabase;
  let soc: TestApp;
  let browser: Browser;
  let report: SeedReport;
  let page: Page;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url, { SOC_ACCESS_TOKEN_TTL_SECONDS: '86400' }, clock);
    report = await seedDemo(apiClient(soc.baseUrl, await soc.adminToken()), { now: clock.now(), timeZone: 'Asia/Ho_Chi_Minh' });
    browser = await launchBrowser();
    page = await openConsole(browser, soc.baseUrl);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await soc?.close();
    await db?.drop();
  });

  const kpi = async (name: string) => {
    const card = page.getByTestId(`kpi-${name}`);
    return { count: await card.getAttribute('data-count'), of: await card.getAttribute('data-of'), percent: await card.getAttribute('data-percent'), text: await card.innerText() };
  };
  /** One attribute of every element the locator matches, in page order. */
  const attrs = async (locator: Locator, name: string) => Promise.all((await locator.all()).map((node) => node.getAttribute(name)));
  const rowIds = () => attrs(page.getByTestId('posture-row'), 'data-system-id');

  it('shows the province overview to the admin: KPI cards with the seeded figures and all 30 systems', async () => {
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('nav-posture').click();
    await page.getByTestId('posture-row').first().waitFor();

    expect(await kpi('approvedLevel')).toMatchObject({ count: '27', of: '30', percent: '90' });
    expect((await kpi('approvedLevel')).text).toContain('90%');
    expect((await kpi('approvedLevel')).text).toContain('27/30');
    expect(await kpi('allFourLayersOk')).toMatchObject({ count: '12', of: '30', percent: '40' });
    expect(await kpi('level3PlusAssessed')).toMatchObject({ count: '9', of: '13', percent: '69.2' });
    expect(await kpi('fullyImplemented')).toMatchObject({ count: '5', of: '27', percent: '18.5' });
    expect(await kpi('regulationIssued')).toMatchObject({ count: '27', of: '30' });
    expect(await page.getByTestId('level-count-none').getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('posture-scope').innerText()).toBe('Toàn tỉnh');

    expect((await rowIds()).sort()).toEqual(DEMO_SYSTEMS.map((s) => s.id).sort());
    const wan = page.locator('[data-testid="posture-row"][data-system-id="wan-tinh"]');
    expect(await wan.getAttribute('data-agency-id')).toBe('ubnd-tinh');
    expect(await attrs(wan.locator('[data-testid^="layer-"]'), 'data-status')).toEqual(['ok', 'ok', 'ok', 'ok']);
    // The reasons are the markers' tooltips; a commune site misses layers 1, 2 and 4.
    const commune = page.locator('[data-testid="posture-row"][data-system-id="web-p-bacha"]');
    expect(await commune.getByTestId('layer-2').getAttribute('data-status')).toBe('missing');
    expect(await commune.getByTestId('layer-2').getAttribute('title')).toMatch(/\S+\n\S/);

    // Filters: level 4 leaves the three level-4 systems; an agency narrows further.
    await page.getByTestId('filter-level').selectOption('4');
    expect((await rowIds()).sort()).toEqual(['dvc-tinh', 'his-bvdk', 'lgsp']);
    await page.getByTestId('filter-agency').selectOption('so-yt');
    expect(await rowIds()).toEqual(['his-bvdk']);
    await page.getByTestId('filter-level').selectOption('');
    await page.getByTestId('filter-agency').selectOption('');
    expect(await rowIds()).toHaveLength(30);
    await screenshot(page, 'posture-province');
  });

  it("opens a system's posture from its row: level 3, four layers ok with reasons, requirement groups, deadlines", async () => {
    await page.locator('[data-testid="posture-row"][data-system-id="wan-tinh"] td').nth(2).click();
    await page.getByTestId('system-name').waitFor();
    expect(page.url()).toMatch(/#\/systems\/wan-tinh$/);
    expect(await page.getByTestId('system-name').innerText()).toBe('Mạng diện rộng (WAN) tỉnh');
    expect(await page.getByTestId('system-level').getAttribute('data-level')).toBe('3');
    expect(await page.getByTestId('dossier-decision').innerText()).toContain('103/QĐ-UBND');

    const layers = page.getByTestId('layer-detail');
    expect(await attrs(layers, 'data-layer')).toEqual(['1', '2', '3', '4']);
    expect(await attrs(layers, 'data-status')).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await layers.nth(2).innerText()).toContain('Trung tâm Kiểm định an toàn thông tin');

    const groups = page.getByTestId('requirement-group');
    expect(await groups.count()).toBe(11);
    expect(await groups.first().getAttribute('data-percent')).toBe('100');
    await groups.first().locator('summary').click();
    const item = groups.first().getByTestId('requirement-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-status')).toBe('met');
    expect(await item.innerText()).toContain('Đã kiểm tra hồ sơ và cấu hình');

    expect(await page.getByTestId('source-row').getAttribute('data-source-id')).toBe('syslog-ubnd-tinh');
    const deadlines = page.getByTestId('deadline-row');
    expect(await attrs(deadlines, 'data-deadline-id')).toContain('assessment-report-l3-l4');
    expect(await page.locator('[data-testid="deadline-row"][data-deadline-id="assessment-report-l3-l4"]').innerText()).toContain('14/12/2026');
    await screenshot(page, 'posture-system');

    // English on request, Vietnamese again after.
    await page.getByTestId('lang-switch').click();
    await page.getByText('Layer 1 — on-site unit').waitFor();
    expect(await page.getByTestId('deadline-row').first().innerText()).toContain('14 days left');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Lớp 1 — lực lượng tại chỗ').waitFor();
  });

  it('tests raw lines against the rules: the parse result, the matching rule and what the sample raises', async () => {
    await page.getByTestId('nav-rules').click();
    const failed = (n: number) => `<38>Nov 30 09:59:0${n} web01 sshd[12${n}0]: Failed password for root from 203.0.113.7 port 5251${n} ssh2`;
    await page.getByTestId('rule-input').fill([failed(1), 'this is not a log line'].join('\n'));
    await page.getByTestId('rule-run').click();
    const first = page.locator('[data-testid="rule-result"][data-line="1"]');
    await first.waitFor();
    expect(await first.getAttribute('data-parsed')).toBe('true');
    expect(await first.getByTestId('rule-dataset').innerText()).toBe('system.auth');
    expect(await first.getByTestId('parse-fields').innerText()).toContain('203.0.113.7:52511');
    // soc.ssh.failed_login only feeds the brute-force correlation: it matches, on these fields, but raises nothing itself.
    const match = first.getByTestId('rule-match');
    expect(await match.getAttribute('data-rule-id')).toBe('soc.ssh.failed_login');
    expect(await match.getAttribute('data-alerted')).toBe('false');
    expect(await match.getByTestId('rule-selection').allInnerTexts()).toEqual([expect.stringContaining('event.action'), expect.stringContaining('event.outcome')]);
    expect(await page.getByTestId('rule-alerts').getAttribute('data-count')).toBe('0');
    const second = page.locator('[data-testid="rule-result"][data-line="2"]');
    expect(await second.getAttribute('data-parsed')).toBe('false');
    expect(await second.getByTestId('parse-error').innerText()).toContain('unrecognized format');

    // Five failures from one address within a minute: the correlation raises its alert.
    await page.getByTestId('rule-input').fill([1, 2, 3, 4, 5].map(failed).join('\n'));
    await page.getByTestId('rule-run').click();
    await page.getByTestId('rule-alert').waitFor();
    expect(await page.getByTestId('rule-alert').getAttribute('data-rule-id')).toBe('soc.ssh.brute_force');
    expect(await page.getByTestId('rule-result').count()).toBe(5);
    expect(await page.getByTestId('rule-match').count()).toBe(5);
    await screenshot(page, 'rule-tester');
  });

  it("shows agency IT staff their own agency's systems and nothing of any other agency", async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await signIn(page, 'cntt.soyt', report.users.find((u) => u.username === 'cntt.soyt')!.password);
    await page.getByTestId('posture-row').first().waitFor();
    expect(page.url()).toMatch(/#\/posture$/);
    expect(await page.getByTestId('nav-alerts').count()).toBe(0);

    const own = ['his-bvdk', 'ho-so-sk', 'web-so-yt'];
    expect((await rowIds()).sort()).toEqual(own);
    expect(await attrs(page.getByTestId('posture-row'), 'data-agency-id')).toEqual(['so-yt', 'so-yt', 'so-yt']);
    expect(await kpi('approvedLevel')).toMatchObject({ count: '3', of: '3' });
    expect(await page.getByTestId('posture-scope').getAttribute('data-scope')).toBe('agency');
    expect(await page.getByTestId('posture-scope').innerText()).toContain('Sở Y tế');

    // Nothing of anyone else anywhere in the page, tooltips and select options included.
    const html = await page.content();
    expect(html).not.toContain('Toàn tỉnh');
    for (const system of DEMO_SYSTEMS.filter((s) => !own.includes(s.id))) {
      expect(html).not.toContain(system.name);
      expect(html).not.toContain(`"${system.id}"`);
    }
    for (const agency of DEMO_AGENCIES.filter((a) => a.id !== 'so-yt')) {
      expect(html).not.toContain(agency.name);
      expect(html).not.toContain(`"${agency.id}"`);
    }
    await screenshot(page, 'posture-agency');

    await page.evaluate("location.hash = '#/systems/wan-tinh'");
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('system-name').count()).toBe(0);
    expect(await page.content()).not.toContain('Mạng diện rộng');
  });
});
