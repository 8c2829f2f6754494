import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openConsole, screenshot, signIn } from '../support/browser';
import { describeWithKafka, uniqueKafkaNames } from '../support/kafka-test';
import { failedSshLines } from '../support/ssh-lines';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const skip = browserSkipReason();
const TITLE = 'alert queue and incident page in a real browser: a brute-force stream through Kafka shows up live as P1, then is worked';
const IP = '203.0.113.77';
const HOST = 'kt-db01';

const suite = (brokers: string) => {
  let db: TestDatabase;
  let soc: TestApp;
  let browser: Browser;
  const names = uniqueKafkaNames('console-incidents');

  beforeAll(async () => {
    db = await createTestDatabase();
    [soc, browser] = await Promise.all([
      startTestApp(db.url, { KAFKA_BROKERS: brokers, KAFKA_TOPIC_RAW: names.topic, KAFKA_TOPIC_DLQ: `${names.topic}.dlq`, KAFKA_GROUP_ID: names.groupId, KAFKA_TOPIC_PARTITIONS: '2' }),
      launchBrowser(),
    ]);
    const admin = await soc.adminToken();
    const post = async (path: string, body: unknown) => expect((await soc.call(path, { method: 'POST', token: admin, body })).status).toBe(201);
    await post('/api/v1/agencies', { id: 'so-tc', name: 'Sở Tài chính' });
    await post('/api/v1/systems', { id: 'ketoan', agencyId: 'so-tc', name: 'Kế toán ngân sách', securityLevel: 4 });
    await post('/api/v1/systems/ketoan/assets', { value: HOST });
    await post('/api/v1/systems', { id: 'tin-tuc', agencyId: 'so-tc', name: 'Trang tin nội bộ', securityLevel: 1 });
    await post('/api/v1/systems/tin-tuc/assets', { value: 'tt-web01' });
  });
  afterAll(async () => {
    await browser?.close();
    await soc?.close();
    await db?.drop();
  });

  it('queue: the incident arrives live as P1; incident page: acknowledge, comment, PDF report, STIX export', async () => {
    const page = await openConsole(browser, soc.baseUrl);
    const pageErrors: string[] = [];
    page.on('pageerror', (failure) => pageErrors.push(failure.message));
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
    await page.locator('[data-testid="alert-queue"][data-loaded="true"]').waitFor();
    expect(page.url()).toMatch(/#\/alerts$/);
    await page.getByTestId('incidents-empty').waitFor();
    await page.locator('[data-testid="filter-agency"] option[value="so-tc"]').waitFor({ state: 'attached' });
    await expect(page.getByTestId('filter-priority').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('filter-state').inputValue()).resolves.toBe('open');

    // The sound toggle is off by default and remembered for the session.
    const sound = page.getByTestId('sound-toggle');
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate("sessionStorage.getItem('soc.queue.sound')")).toBe('1');

    // A marker on the window: if the page reloaded, it would be gone.
    await page.evaluate('window.socMarker = 42');
    expect((await soc.ingest(failedSshLines(IP, 8, undefined, HOST))).status).toBe(202);

    const row = page.locator('[data-testid="incident-row"][data-priority="P1"]');
    await row.waitFor({ timeout: 20_000 });
    await page.getByTestId('alert-row').first().waitFor();
    expect(await page.evaluate('window.socMarker')).toBe(42);
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('class')).toContain('is-new');
    expect(await row.textContent()).toContain('Sở Tài chính');
    const incidentId = await row.getAttribute('data-id');
    expect(incidentId).toMatch(/^[0-9a-f-]{36}$/);

    // A second stream, against a level-1 system: a P3 incident below the P1; acknowledged in bulk from the queue.
    expect((await soc.ingest(failedSshLines('203.0.113.78', 8, undefined, 'tt-web01'))).status).toBe(202);
    const lower = page.locator('[data-testid="incident-row"][data-priority="P3"]');
    await lower.waitFor({ timeout: 20_000 });
    const order = await Promise.all((await page.getByTestId('incident-row').all()).map((r) => r.getAttribute('data-priority')));
    expect(order).toEqual(['P1', 'P3']);
    expect(await page.getByTestId('bulk-ack').isDisabled()).toBe(true);
    await lower.getByTestId('incident-select').check();
    await page.getByTestId('bulk-ack').click();
    await page.getByTestId('bulk-result').getByText('Đã tiếp nhận 1/1 sự cố').waitFor();
    await page.locator('[data-testid="incident-row"][data-priority="P3"][data-state="acknowledged"]').waitFor();
    expect(await row.getAttribute('data-state')).toBe('new');
    await screenshot(page, 'alert-queue');

    // A priority filter that leaves it out shows the empty state; back to all priorities shows it again.
    await page.getByTestId('filter-priority').selectOption('P4');
    await page.getByTestId('incidents-empty').waitFor();
    expect(await page.getByTestId('alerts-empty').isVisible()).toBe(true);
    await page.getByTestId('filter-priority').selectOption('');
    await row.waitFor();

    await row.click();
    await page.waitForURL(`**/#/incidents/${incidentId}`);
    await page.locator('[data-testid="incident-page"][data-loaded="true"]').waitFor();
    expect(await page.getByTestId('incident-priority').textContent()).toBe('P1');
    expect(await page.getByTestId('incident-title').textContent()).toBeTruthy();
    expect(await page.getByTestId('incident-state').getAttribute('data-state')).toBe('new');
    expect(await page.getByTestId('alert-item').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('alert-item').first().textContent()).toContain(IP);
    expect(await page.getByTestId('event-item').count()).toBeGreaterThanOrEqual(6);
    expect(await page.getByTestId('event-item').first().textContent()).toContain('Failed password');
    expect(await page.locator('[data-testid="observable-item"]', { hasText: IP }).count()).toBe(1);
    expect(await page.getByTestId('deadline-item').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(1);

    expect(await page.getByTestId('resolution-form').isVisible()).toBe(false);
    await page.getByTestId('action-acknowledged').click();
    await page.locator('[data-testid="incident-state"][data-state="acknowledged"]').waitFor();
    expect(await page.getByTestId('incident-state').textContent()).toBe('Đã tiếp nhận');
    await page.getByTestId('action-investigating').waitFor();

    const comment = `Đã chặn IP ${IP} trên tường lửa biên.`;
    await page.getByTestId('comment-input').fill(comment);
    await page.getByTestId('comment-submit').click();
    await page.locator('[data-testid="timeline-entry"]', { hasText: comment }).waitFor();
    expect(await page.getByTestId('comment-input').inputValue()).toBe('');
    expect(await page.getByTestId('incident-error').textContent()).toBe('');

    // The PDF needs the Authorization header: fetched as a blob, opened in a new tab from an object URL.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('report-pdf').click()]);
    await page.locator('[data-testid="report-result"][data-type="application/pdf"]').waitFor();
    expect(Number(await page.getByTestId('report-result').getAttribute('data-bytes'))).toBeGreaterThan(1000);
    await popup.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-stix').click()]);
    expect(download.suggestedFilename()).toMatch(/^SC-\d{6}-stix\.json$/);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { type: string; objects: Array<{ type: string; pattern?: string }> };
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.some((object) => object.type === 'indicator' && object.pattern?.includes(IP))).toBe(true);
    await page.locator('[data-testid="export-result"][data-bytes]').waitFor();

    await screenshot(page, 'incident');

    // Resolving asks for a resolution first.
    await page.getByTestId('action-resolved').click();
    await page.getByTestId('resolution-form').waitFor();
    await page.getByTestId('resolution-select').selectOption('true_positive');
    await page.getByTestId('resolution-confirm').click();
    await page.locator('[data-testid="incident-state"][data-state="resolved"]').waitFor();
    expect(await page.getByTestId('resolution-form').isVisible()).toBe(false);
    await page.getByTestId('action-closed').waitFor();

    // Back in the queue: no longer among the open incidents; with every state, there as resolved.
    await page.getByTestId('nav-alerts').click();
    await page.locator('[data-testid="alert-queue"][data-loaded="true"]').waitFor();
    await page.locator('[data-testid="incident-row"][data-priority="P3"]').waitFor();
    expect(await page.locator(`[data-testid="incident-row"][data-id="${incidentId}"]`).count()).toBe(0);
    await page.getByTestId('filter-state').selectOption('all');
    await page.locator(`[data-testid="incident-row"][data-id="${incidentId}"][data-state="resolved"]`).waitFor();

    // English on request: the same page, its labels from the i18n keys.
    await page.getByTestId('lang-switch').click();
    await page.locator('[data-testid="alert-queue"][data-loaded="true"]').waitFor();
    expect(await page.locator('[data-testid="filter-state"] option[value="open"]').textContent()).toBe('Open');
    expect(await page.getByTestId('sound-toggle').textContent()).toBe('P1/P2 sound: on');
    expect(pageErrors).toEqual([]);
  });
};

if (skip) describe.skip(`${TITLE} (skipped: ${skip})`, () => it('needs Chromium', () => undefined));
else describeWithKafka(TITLE, suite);
