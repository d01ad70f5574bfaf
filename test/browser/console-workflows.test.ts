/// <reference lib="dom" />
// What officers and analysts do in the console, in a real browser against the real server:
// record a seizure (a bad HIN refused at its field first), see a restricted hit, confirm a match
// from the review queue, merge and unmerge suppliers.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, screenshot, signInWithDemoToken, type WatchedPage } from './support/browser';

jest.setTimeout(90_000);

const AGENCY = 'FR-OPALE';
let app: TestApp;
let browser: Browser;
let watched: WatchedPage;
let mine: TestAgency;
let belgian: TestAgency;
let dover: TestAgency;

beforeAll(async () => {
  const demoToken = await signToken({ subject: 'officer.marchal', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  mine = await makeAgency(app, { code: AGENCY, name: 'Brigade de la Côte d\'Opale (test)', jurisdiction: 'FR' });
  belgian = await makeAgency(app, { code: 'BE-OSTK', name: 'Kustpolitie Oostende (test)', jurisdiction: 'BE' });
  dover = await makeAgency(app, { code: 'GB-DOVR', name: 'Border unit of Dover (test)', jurisdiction: 'GB' });
  await makeSeizure(app, await belgian.token([Role.OFFICER]), { reference: 'BE-OST-2026-0044', items: [{ kind: 'ENGINE', make: 'Velmont Marine', serialNumber: '6G5-7700111' }] });
  await makeSeizure(app, await dover.token([Role.OFFICER]), {
    reference: 'GB-DOVR-SECRET-9', handling: 'TLP_AMBER_STRICT', items: [{ kind: 'ENGINE', serialNumber: 'HX-880022', description: 'hidden detail' }],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});
beforeEach(async () => {
  watched = await openWatchedPage(browser);
  await signInWithDemoToken(watched.page, app.baseUrl);
});
afterEach(async () => {
  await watched.close();
});

const storedWithReference = async (reference: string) =>
  (await app.query(`SELECT count(*)::int AS n FROM seizure WHERE reference = $1`, [reference]))[0].n;

describe('officers', () => {
  it('record a seizure: a bad HIN is refused at its field and nothing is stored; fixed, it is stored, listed, and opens with its matches', async () => {
    const { page } = watched;
    await page.getByRole('link', { name: 'Record seizure' }).click();
    await page.getByRole('heading', { name: 'Record a seizure' }).waitFor();
    await page.getByLabel('Reference').fill('FR-OPALE-2026-0101');
    await page.getByLabel('Location').fill('Dunes near Gravelines');
    const first = page.locator('[data-line="0"]');
    await first.getByLabel('Kind').selectOption('BOAT');
    await first.getByLabel('HIN').fill('FR-ABC12345-Z4-24');
    await first.getByLabel('Make').fill('Noravik Boats');
    // A second line from the keyboard: an engine that Belgium recorded too.
    await first.getByLabel('HIN').press('Alt+n');
    const second = page.locator('[data-line="1"]');
    await second.getByLabel('Kind').selectOption('ENGINE');
    await second.getByLabel('Serial number').fill('6g5 7700111');
    // And a third, removed again from the keyboard.
    await second.getByLabel('Serial number').press('Alt+n');
    await page.locator('[data-line="2"]').getByLabel('Kind').press('Alt+Backspace');
    expect(await page.locator('[data-line]').count()).toBe(2);

    await page.getByRole('button', { name: 'Record seizure' }).click();
    const hinError = first.locator('.field-error');
    await hinError.waitFor();
    expect(await hinError.textContent()).toMatch(/month/i);
    expect(await first.getByLabel('HIN').getAttribute('aria-invalid')).toBe('true');
    expect(await storedWithReference('FR-OPALE-2026-0101')).toBe(0);
    await screenshot(page, '04-record-seizure-refused-hin');

    await first.getByLabel('HIN').fill('FR-ABC12345-D4-24');
    await page.getByRole('button', { name: 'Record seizure' }).click();
    await page.getByRole('heading', { name: 'Seizure FR-OPALE-2026-0101' }).waitFor();
    await page.getByText('Seizure recorded.').waitFor();
    expect(await storedWithReference('FR-OPALE-2026-0101')).toBe(1);
    await page.getByRole('link', { name: 'BE-OST-2026-0044' }).waitFor();
    await screenshot(page, '05-seizure-with-matches');

    await page.getByRole('link', { name: 'Recent', exact: true }).click();
    await page.getByRole('link', { name: 'FR-OPALE-2026-0101' }).waitFor();
    watched.expectClean();
  });
});

describe('officers, when the answer is lost', () => {
  it('keep everything typed and retry with the same clientKey: the seizure is stored once', async () => {
    const { page } = watched;
    // The first seizureRecord reaches the server (and is stored) but its answer never arrives.
    let cut = false;
    await page.route('**/graphql', async (route) => {
      if (!cut && (route.request().postData() ?? '').includes('SeizureRecord')) {
        cut = true;
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.goto(`${app.baseUrl}/seizures/new`);
    await page.getByLabel('Reference').fill('FR-OPALE-2026-0110');
    await page.locator('[data-line="0"]').getByLabel('Serial number').fill('6G5-9900110');
    await page.getByRole('button', { name: 'Record seizure' }).click();
    await page.getByRole('button', { name: 'Retry' }).waitFor();
    expect(await page.getByLabel('Reference').inputValue()).toBe('FR-OPALE-2026-0110');
    expect(await page.locator('[data-line="0"]').getByLabel('Serial number').inputValue()).toBe('6G5-9900110');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: 'Seizure FR-OPALE-2026-0110' }).waitFor();
    expect(await storedWithReference('FR-OPALE-2026-0110')).toBe(1);
    expect(watched.foreignRequests).toEqual([]);
    // The aborted request is reported by the browser; nothing else may be.
    expect(watched.errors.filter((e) => !/ERR_CONNECTION_RESET|Failed to load resource/.test(e))).toEqual([]);
  });
});

describe('analysts', () => {
  it('see a restricted hit as its owner and handling, and nothing of its content', async () => {
    const seizure = await makeSeizure(app, await mine.token([Role.OFFICER]), { reference: 'FR-OPALE-2026-0102', items: [{ kind: 'ENGINE', serialNumber: 'HX 880022' }] });
    const { page } = watched;
    await page.goto(`${app.baseUrl}/seizures/${encodeURIComponent(seizure.id)}`);
    await page.getByRole('heading', { name: 'Seizure FR-OPALE-2026-0102' }).waitFor();
    const hit = page.locator('.restricted-hit');
    await hit.waitFor();
    expect(await hit.textContent()).toBe('held by Border unit of Dover (test) (GB-DOVR, GB), TLP:AMBER+STRICT: ask them');
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('GB-DOVR-SECRET-9');
    expect(text).not.toContain('hidden detail');
    await screenshot(page, '06-restricted-hit');
    watched.expectClean();
  });

  it('confirm a match from the review queue', async () => {
    await makeSeizure(app, await belgian.token([Role.OFFICER]), { reference: 'BE-OST-2026-0050', items: [{ kind: 'LIFE_JACKET', batchNumber: 'LJ-ANV-2403', quantity: 120 }] });
    await makeSeizure(app, await mine.token([Role.OFFICER]), { reference: 'FR-OPALE-2026-0103', items: [{ kind: 'LIFE_JACKET', batchNumber: 'lj anv 2403', quantity: 600 }] });
    const { page } = watched;
    await page.getByRole('link', { name: 'Review queue' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'BE-OST-2026-0050' }) });
    await row.waitFor();
    await screenshot(page, '07-review-queue');
    await row.getByRole('button', { name: 'Confirm' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'confirmed' }).click();
    await page.getByRole('row').filter({ has: page.getByRole('link', { name: 'BE-OST-2026-0050' }) }).waitFor();
    expect(page.url()).toMatch(/\/review\?status=CONFIRMED$/);
    const stored = await app.query(`SELECT m.status, m.decided_by FROM item_match m JOIN item i ON i.id IN (m.item_a, m.item_b) WHERE i.batch_number = 'LJ-ANV-2403'`);
    expect(stored).toEqual([{ status: 'CONFIRMED', decided_by: 'officer.marchal' }]);
    watched.expectClean();
  });

  it('merge two suppliers found by name, and unmerge them', async () => {
    const analyst = await mine.token([Role.ANALYST]);
    await makeSupplier(app, analyst, { name: 'Kestrovan Dinghy Works GmbH', country: 'DE', role: 'WHOLESALER' });
    await makeSupplier(app, analyst, { name: 'Kestrovan Dinghy-Works', country: 'DE', role: 'WHOLESALER' });
    const { page } = watched;
    await page.getByRole('link', { name: 'Suppliers' }).click();
    await page.getByLabel('Name or alias').fill('kestrovan dinghy');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Kestrovan Dinghy Works GmbH' }).click();
    await page.getByRole('heading', { name: 'Supplier Kestrovan Dinghy Works GmbH' }).waitFor();
    const merge = page.getByRole('button', { name: 'Merge into Kestrovan Dinghy Works GmbH' });
    await merge.waitFor();
    await screenshot(page, '08-supplier-candidates');
    await merge.click();
    await page.getByText('Kestrovan Dinghy-Works merged into Kestrovan Dinghy Works GmbH.').waitFor();
    await page.getByRole('button', { name: 'Unmerge Kestrovan Dinghy-Works' }).waitFor();
    expect((await app.query(`SELECT count(*)::int AS n FROM supplier_merge`))[0].n).toBe(1);
    await page.getByRole('button', { name: 'Unmerge Kestrovan Dinghy-Works' }).click();
    await page.getByText('Kestrovan Dinghy-Works restored as a supplier of its own.').waitFor();
    watched.expectClean();
  });
});
