import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openConsole, signIn } from '../support/browser';
import { startTestApp, TEST_ADMIN_PASSWORD, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const skip = browserSkipReason();

(skip ? describe.skip : describe)(`console in a real browser${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let db: TestDatabase;
  let soc: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    soc = await startTestApp(db.url);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await soc?.close();
    await db?.drop();
  });

  it('serves the console at / and signs in, live feed connected', async () => {
    const page = await openConsole(browser, soc.baseUrl);
    await page.getByTestId('login-username').waitFor();
    expect(await page.title()).toBe('SOC tỉnh');
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.locator('[data-testid="connection"][data-state="live"]').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toBe('admin');
  });
});
