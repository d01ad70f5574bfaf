/// <reference lib="dom" />
// The console in a real browser: served by the registry itself (no other host contacted), sign-in
// with the demo token, the agency's recent seizures, an expired session, and GraphiQL.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, runGraphiQLQuery, screenshot, signInWithDemoToken, type WatchedPage } from './support/browser';

jest.setTimeout(90_000);

const AGENCY = 'FR-DUNES';
let app: TestApp;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  const demoToken = await signToken({ subject: 'officer.lemaire', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  const agency = await makeAgency(app, { code: AGENCY, name: 'Brigade des Dunes (test)', jurisdiction: 'FR' });
  const token = await agency.token([Role.OFFICER]);
  await makeSeizure(app, token, { reference: 'DUNES-2026-0007', seizedAt: '2026-02-11T04:10:00+01:00' });
  await makeSeizure(app, token, {
    reference: 'DUNES-2026-0008', seizedAt: '2026-02-12T06:45:00+01:00',
    items: [{ kind: 'LIFE_JACKET', batchNumber: 'LJ-DUNES-77', quantity: 240 }],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
beforeEach(async () => {
  watched = await openWatchedPage(browser);
});
afterEach(async () => {
  await watched.close();
});

describe('the console', () => {
  it('is served at / under default-src self, and sign-in with the demo token shows the agency\'s recent seizures', async () => {
    const { page } = watched;
    const started = Date.now();
    const response = await page.goto(`${app.baseUrl}/`);
    expect(response?.headers()['content-security-policy']).toMatch(/^default-src 'self'(;|$)/);
    expect(response?.headers()['content-security-policy']).not.toMatch(/https?:|unsafe/);
    await page.getByRole('button', { name: 'Use the demo token' }).waitFor();
    const signInShown = Date.now() - started;
    await screenshot(page, '01-sign-in');

    await page.getByRole('button', { name: 'Use the demo token' }).click();
    await page.getByRole('link', { name: 'DUNES-2026-0008' }).waitFor();
    process.stdout.write(`time to first usable page: sign-in form ${signInShown} ms after navigation; recent seizures ${Date.now() - started} ms (including the click)\n`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Recent seizures of Brigade des Dunes (test)');
    expect(await page.getByText('2 seizures').isVisible()).toBe(true);
    // Times are shown in the browser's zone with the offset.
    expect(await page.locator('time').first().textContent()).toMatch(/GMT|UTC/);
    await screenshot(page, '02-recent-seizures');
    // The token is kept for the tab, never as a cookie.
    expect(await page.context().cookies()).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('registry.token'))).toBeTruthy();
    watched.expectClean();
  });

  it('gives every screen its own URL: a seizure opens from a bookmark, and back returns to the list', async () => {
    const { page } = watched;
    await signInWithDemoToken(page, app.baseUrl);
    await page.getByRole('link', { name: 'DUNES-2026-0007' }).click();
    await page.getByRole('heading', { name: 'Seizure DUNES-2026-0007' }).waitFor();
    const bookmark = page.url();
    expect(bookmark).toMatch(/\/seizures\/[^/]+$/);
    await page.goBack();
    await page.getByRole('heading', { name: /Recent seizures of/ }).waitFor();
    await page.goto(bookmark);
    await page.getByRole('heading', { name: 'Seizure DUNES-2026-0007' }).waitFor();
    expect(await page.getByText('Outboard engine').first().isVisible()).toBe(true);
    watched.expectClean();
  });

  it('works 768 px wide (a tablet)', async () => {
    const tablet = await openWatchedPage(browser, { width: 768, height: 1024 });
    try {
      await signInWithDemoToken(tablet.page, app.baseUrl);
      await tablet.page.getByRole('link', { name: 'DUNES-2026-0008' }).waitFor();
      const overflow = await tablet.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(tablet.page, '03-recent-seizures-tablet');
      tablet.expectClean();
    } finally {
      await tablet.close();
    }
  });

  it('returns to sign-in with a clear message when the token has expired', async () => {
    const expired = await app.token({ sub: 'officer.lemaire', agency: AGENCY, roles: [Role.OFFICER], expiresIn: -60 });
    // The 401 the browser reports for the refused request is the expected outcome here.
    const page = (await openWatchedPage(browser, { expectedErrors: [/status of 401/] }));
    try {
      await page.page.goto(`${app.baseUrl}/sign-in`);
      await page.page.evaluate((token) => sessionStorage.setItem('registry.token', token), expired);
      await page.page.goto(`${app.baseUrl}/seizures`);
      await page.page.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
      expect(await page.page.evaluate(() => sessionStorage.getItem('registry.token'))).toBeNull();
      expect(page.page.url()).toMatch(/\/sign-in$/);
      page.expectClean();
    } finally {
      await page.close();
    }
  });
});

describe('GraphiQL', () => {
  it('is bundled (its own CSP, no CDN) and runs a query with the console\'s sign-in', async () => {
    const { page } = watched;
    await signInWithDemoToken(page, app.baseUrl);
    const response = await page.goto(`${app.baseUrl}/graphql`);
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
    expect((await runGraphiQLQuery(page, 'RecentSeizures')).status()).toBe(200);
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('DUNES-2026-0008'));
    await screenshot(page, '09-graphiql');
    watched.expectClean();
  });
});
