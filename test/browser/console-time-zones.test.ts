/// <reference lib="dom" />
// A seizure recorded in a browser outside UTC: the time typed is read in the browser's zone, the
// registry stores that instant, and the list and the seizure page show it in the zone with its
// offset (summer and winter time in Paris; Kolkata's half-hour offset, across midnight UTC).
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { makeAgency } from '../factories/agency.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, screenshot, signInWithDemoToken } from './support/browser';

jest.setTimeout(90_000);

const AGENCY = 'FR-IROISE';
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  const demoToken = await signToken({ subject: 'officer.kerjean', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  await makeAgency(app, { code: AGENCY, name: 'Brigade d\'Iroise (test)', jurisdiction: 'FR' });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const cases = [
  { zone: 'Europe/Paris', reference: 'FR-IROISE-2026-0101', typed: '2026-01-15T09:30', utc: '2026-01-15T08:30:00.000Z', shown: /^Jan 15, 2026, 09:30 AM GMT\+01:00$/, offset: 'UTC+01:00' },
  { zone: 'Europe/Paris', reference: 'FR-IROISE-2026-0102', typed: '2026-07-04T22:05', utc: '2026-07-04T20:05:00.000Z', shown: /^Jul 04, 2026, 10:05 PM GMT\+02:00$/, offset: 'UTC+02:00' },
  { zone: 'Asia/Kolkata', reference: 'FR-IROISE-2026-0103', typed: '2026-03-02T03:15', utc: '2026-03-01T21:45:00.000Z', shown: /^Mar 02, 2026, 03:15 AM GMT\+05:30$/, offset: 'UTC+05:30' },
];

describe('times in the browser\'s zone', () => {
  it.each(cases)('$zone: $typed is stored as $utc and shown with its offset', async ({ zone, reference, typed, utc, shown, offset }) => {
    const watched = await openWatchedPage(browser, { timezoneId: zone });
    try {
      const { page } = watched;
      await signInWithDemoToken(page, app.baseUrl);
      await page.goto(`${app.baseUrl}/seizures/new`);
      await page.getByLabel('Reference').fill(reference);
      await page.getByLabel('Seized at').fill(typed);
      // The form names the zone the time is read in, with that day's offset.
      await page.getByText(`Your time zone: ${zone} (${offset})`).waitFor();
      await page.locator('[data-line="0"]').getByLabel('Serial number').fill(`6G5-${reference.slice(-4)}`);
      await page.getByRole('button', { name: 'Record seizure' }).click();
      await page.getByRole('heading', { name: `Seizure ${reference}` }).waitFor();

      const stored = await app.query(`SELECT seized_at FROM seizure WHERE reference = $1`, [reference]);
      expect((stored[0].seized_at as Date).toISOString()).toBe(utc);
      const seizedOnPage = page.locator('.facts dt:text-is("Seized") + dd time');
      expect(await seizedOnPage.textContent()).toMatch(shown);
      expect(new Date((await seizedOnPage.getAttribute('datetime'))!).toISOString()).toBe(utc);
      if (reference.endsWith('0103')) await screenshot(page, '12-seizure-in-kolkata-time');

      await page.getByRole('link', { name: 'Recent', exact: true }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });
      await row.waitFor();
      expect(await row.locator('time').textContent()).toMatch(shown);
      watched.expectClean();
    } finally {
      await watched.close();
    }
  });
});
