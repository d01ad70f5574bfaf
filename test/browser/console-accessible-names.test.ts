/// <reference lib="dom" />
// Every form control of the main screens has an accessible name (its label), as Chromium computes
// it: the record form with every item kind's fields and the sharing list, the amend form, and the
// seizure, item and supplier searches.
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { formControls, type NamedControl } from './support/accessible-names';
import { launchBrowser, openWatchedPage, signInWithDemoToken, type WatchedPage } from './support/browser';

jest.setTimeout(90_000);

const AGENCY = 'FR-ABER';
let app: TestApp;
let browser: Browser;
let watched: WatchedPage;
let seizureId: string;

beforeAll(async () => {
  const demoToken = await signToken({ subject: 'officer.tanguy', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  const mine = await makeAgency(app, { code: AGENCY, name: 'Brigade des Abers (test)', jurisdiction: 'FR' });
  await makeAgency(app, { code: 'BE-ZEEB', name: 'Scheepvaartpolitie Zeebrugge (test)', jurisdiction: 'BE' });
  seizureId = (await makeSeizure(app, await mine.token([Role.OFFICER]), { reference: 'FR-ABER-2026-0009' })).id;
  watched = await openWatchedPage(browser);
  await signInWithDemoToken(watched.page, app.baseUrl);
});
afterAll(async () => {
  await watched?.close();
  await browser?.close();
  await app?.stop();
});

/** The controls on the page, each with its name; fails naming any control without one. */
async function namedControls(page: Page): Promise<NamedControl[]> {
  const { controls, domCount } = await formControls(page);
  expect(controls.filter((c) => c.name === '')).toEqual([]);
  // Every control of the page's main part is in the tree (none hidden from it), plus the header's none.
  expect(controls.length).toBeGreaterThanOrEqual(domCount);
  return controls;
}

describe('accessible names', () => {
  it('name every control of the record form, whatever the kind of its line, and of the sharing list', async () => {
    const { page } = watched;
    await page.goto(`${app.baseUrl}/seizures/new`);
    await page.getByRole('heading', { name: 'Record a seizure' }).waitFor();
    await page.getByLabel('Handling').selectOption('TLP_AMBER');
    await page.getByRole('checkbox', { name: /BE-ZEEB/ }).waitFor();
    const names = new Set<string>();
    for (const kind of ['BOAT', 'ENGINE', 'LIFE_JACKET', 'FUEL_CONTAINER', 'PUMP', 'OTHER']) {
      await page.locator('[data-line="0"]').getByLabel('Kind').selectOption(kind);
      for (const control of await namedControls(page)) names.add(control.name);
    }
    // The names are the labels alone (help and errors are descriptions, not part of the name).
    expect([...names]).toEqual(expect.arrayContaining([
      'Reference', 'Seized at', 'Jurisdiction', 'Location', 'Latitude', 'Longitude', 'Handling', 'Notes', 'Kind', 'HIN', 'Serial number',
      'Batch / lot', 'Batch number', 'Make', 'Quantity', 'Condition', 'Length (m)', 'Power (hp)', 'Standard claimed', 'Capacity (l)', 'Description',
    ]));
    expect([...names].some((name) => name.startsWith('BE-ZEEB'))).toBe(true);
    watched.expectClean();
  });

  it('name every control of the amend form and the searches', async () => {
    const { page } = watched;
    const screens: Array<[string, string]> = [
      [`/seizures/${encodeURIComponent(seizureId)}/amend`, 'Amend seizure FR-ABER-2026-0009'],
      ['/seizures', 'Search seizures'],
      ['/items', 'Items by identifier'],
      ['/suppliers', 'Suppliers'],
    ];
    for (const [path, heading] of screens) {
      await page.goto(`${app.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      const controls = await namedControls(page);
      expect(controls.length).toBeGreaterThan(0);
    }
    watched.expectClean();
  });
});
