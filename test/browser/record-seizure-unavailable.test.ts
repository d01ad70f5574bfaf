/// <reference lib="dom" />
// The registry answers a seizureRecord with 503 SERVICE_UNAVAILABLE (its database could not serve
// it): the console keeps everything typed, says so, and its retry, with the clientKey of the
// first attempt, stores the seizure once. An amendment answered 503 changed nothing; one whose
// answer was lost may have been saved, and saving again is refused as a changed version.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { SERVICE_UNAVAILABLE_MESSAGE } from '../../src/graphql/errors/error-policy';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, screenshot, signInWithDemoToken, type WatchedPage } from './support/browser';

jest.setTimeout(90_000);

const AGENCY = 'FR-ESTRAN';
const REFERENCE = 'FR-ESTRAN-2026-0503';
let app: TestApp;
let browser: Browser;
let watched: WatchedPage;
let demoToken: string;
let amending: WatchedPage | undefined;

beforeAll(async () => {
  demoToken = await signToken({ subject: 'officer.le-gall', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  await makeAgency(app, { code: AGENCY, name: 'Brigade de l\'Estran (test)', jurisdiction: 'FR' });
  // The browser reports the 503 it was given; that is the case under test, nothing else may be logged.
  watched = await openWatchedPage(browser, { expectedErrors: [/status of 503/] });
  await signInWithDemoToken(watched.page, app.baseUrl);
});
afterAll(async () => {
  await watched?.close();
  await amending?.close();
  await browser?.close();
  await app?.stop();
});

/** The clientKey a seizureRecord request carried. */
const clientKeyOf = (body: string | null) => (JSON.parse(body ?? '{}') as { variables?: { input?: { clientKey?: string } } }).variables?.input?.clientKey;

describe('officers, when the registry answers 503', () => {
  it('keep everything typed, are told to retry, and the retry stores the seizure once under the first clientKey', async () => {
    const { page } = watched;
    const keysSent: string[] = [];
    // The first seizureRecord gets the answer the registry gives when its database is unavailable
    // (as the error policy writes it); it never reaches the server.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData();
      if (!(body ?? '').includes('mutation SeizureRecord')) return route.continue();
      keysSent.push(clientKeyOf(body) ?? '(none)');
      if (keysSent.length > 1) return route.continue();
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', 'retry-after': '1' },
        body: JSON.stringify({ errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: '5f0c2b7e-0503-4c1e-9a55-3e57a0000001' } }] }),
      });
    });

    await page.goto(`${app.baseUrl}/seizures/new`);
    await page.getByLabel('Reference').fill(REFERENCE);
    await page.getByLabel('Location').fill('Anse de Kerhuon');
    await page.getByLabel('Notes').fill('Found under nets on the foreshore.');
    const first = page.locator('[data-line="0"]');
    await first.getByLabel('Serial number').fill('6G5-0503001');
    await first.getByLabel('Make').fill('Velmont Marine');
    await page.getByRole('button', { name: 'Add item line' }).click();
    const second = page.locator('[data-line="1"]');
    await second.getByLabel('Kind').selectOption('LIFE_JACKET');
    await second.getByLabel('Batch / lot').fill('LJ-ESTRAN-12');
    await second.getByLabel('Quantity').fill('40');
    await page.getByRole('button', { name: 'Record seizure' }).click();

    const notice = page.getByRole('alert').filter({ hasText: 'The registry is busy' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/HTTP 503.*nothing was stored.*Everything you typed is still here.*Retrying is safe/);
    expect(await notice.textContent()).toContain('5f0c2b7e-0503-4c1e-9a55-3e57a0000001');
    // Nothing typed is lost, and nothing was stored.
    expect(await page.getByLabel('Reference').inputValue()).toBe(REFERENCE);
    expect(await page.getByLabel('Location').inputValue()).toBe('Anse de Kerhuon');
    expect(await page.getByLabel('Notes').inputValue()).toBe('Found under nets on the foreshore.');
    expect(await first.getByLabel('Serial number').inputValue()).toBe('6G5-0503001');
    expect(await first.getByLabel('Make').inputValue()).toBe('Velmont Marine');
    expect(await second.getByLabel('Kind').inputValue()).toBe('LIFE_JACKET');
    expect(await second.getByLabel('Batch / lot').inputValue()).toBe('LJ-ESTRAN-12');
    expect(await second.getByLabel('Quantity').inputValue()).toBe('40');
    expect((await app.query(`SELECT count(*)::int AS n FROM seizure WHERE reference = $1`, [REFERENCE]))[0].n).toBe(0);
    await screenshot(page, '11-record-seizure-503-retry');

    await notice.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: `Seizure ${REFERENCE}` }).waitFor();
    expect(keysSent).toHaveLength(2);
    expect(keysSent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keysSent[1]).toBe(keysSent[0]);
    const stored = await app.query(`SELECT client_key, (SELECT count(*)::int FROM item WHERE seizure_id = seizure.id) AS items FROM seizure WHERE reference = $1`, [REFERENCE]);
    expect(stored).toEqual([{ client_key: keysSent[0], items: 2 }]);
    watched.expectClean();
  });
});

describe('officers amending a seizure, when the answer is 503 or lost', () => {
  it('are told nothing changed (with the request id) or that it may have, and saving again never applies it twice', async () => {
    const seizure = await makeSeizure(app, demoToken, { reference: 'FR-ESTRAN-2026-0504', notes: 'Two engines under a tarpaulin.' });
    const stored = async () => (await app.query(`SELECT version, notes FROM seizure WHERE reference = $1`, [seizure.reference]))[0];
    // The browser reports the 503 and the cut connection it was given; nothing else may be logged.
    amending = await openWatchedPage(browser, { expectedErrors: [/status of 503/, /ERR_CONNECTION_RESET|Failed to load resource/] });
    const { page } = amending;
    await signInWithDemoToken(page, app.baseUrl);
    // First save: 503 as the error policy writes it (it never reaches the server). Second: it
    // reaches the server and is saved, but its answer is cut. Third: answered as it is.
    let saves = 0;
    await page.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('mutation SeizureUpdate')) return route.continue();
      saves += 1;
      if (saves === 1) {
        return route.fulfill({
          status: 503,
          headers: { 'content-type': 'application/graphql-response+json; charset=utf-8', 'retry-after': '1' },
          body: JSON.stringify({ errors: [{ message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', requestId: '5f0c2b7e-0504-4c1e-9a55-3e57a0000002' } }] }),
        });
      }
      if (saves === 2) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });

    await page.goto(`${app.baseUrl}/seizures/${encodeURIComponent(seizure.id)}/amend`);
    await page.getByLabel('Notes').fill('Two engines and a pump under a tarpaulin.');
    const save = page.getByRole('button', { name: 'Save amendment' });
    await save.click();
    const busy = page.getByRole('alert').filter({ hasText: 'HTTP 503' });
    await busy.waitFor();
    expect(await busy.textContent()).toMatch(/registry is busy.*nothing was changed.*5f0c2b7e-0504-4c1e-9a55-3e57a0000002/);
    expect(await page.getByLabel('Notes').inputValue()).toBe('Two engines and a pump under a tarpaulin.');
    expect(await stored()).toEqual({ version: 1, notes: 'Two engines under a tarpaulin.' });

    await save.click();
    const lost = page.getByRole('alert').filter({ hasText: 'may not have been saved' });
    await lost.waitFor();
    expect(await stored()).toEqual({ version: 2, notes: 'Two engines and a pump under a tarpaulin.' });

    await save.click();
    await page.getByRole('button', { name: 'Reload the latest version' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'changed since version 1' }).count()).toBe(1);
    expect(await stored()).toEqual({ version: 2, notes: 'Two engines and a pump under a tarpaulin.' });
    expect(saves).toBe(3);
    amending.expectClean();
  });
});
