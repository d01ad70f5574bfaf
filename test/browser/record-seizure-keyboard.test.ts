/// <reference lib="dom" />
// Recording a seizure from the keyboard alone: Tab and Shift+Tab through the form with the focus
// always visible, Alt+N and Alt+Backspace for item lines (focus in the new line's first field, or
// the previous line's after a removal), Enter to record, and after a refusal the focus on the
// first field in error, its message tied to it.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { makeAgency } from '../factories/agency.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, screenshot, type WatchedPage } from './support/browser';
import { focused, tabTo } from './support/keyboard';

jest.setTimeout(90_000);

const AGENCY = 'FR-BAIE';
let app: TestApp;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  const demoToken = await signToken({ subject: 'officer.quemener', agencyCode: AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: 3600 }, { secret: TEST_SECRET });
  [app, browser] = await Promise.all([TestApp.start({ demoToken }), launchBrowser()]);
  await makeAgency(app, { code: AGENCY, name: 'Brigade de la Baie (test)', jurisdiction: 'FR' });
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

describe('recording a seizure with the keyboard only', () => {
  it('signs in, adds and removes lines, is refused at the first field in error, and records with Enter', async () => {
    const { page } = watched;
    const { keyboard } = page;
    await page.goto(`${app.baseUrl}/`);
    // Sign in: the token box has focus; the demo button is two Tabs on.
    await page.waitForFunction(() => document.activeElement?.id === 'token');
    expect((await focused(page)).label).toBe('Bearer token');
    await tabTo(page, 'Use the demo token');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: /Recent seizures of/ }).waitFor();
    await tabTo(page, 'Record seizure');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Record a seizure' }).waitFor();

    // The form opens with its first field focused, the focus drawn.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent === 'Reference');
    expect(await focused(page)).toMatchObject({ label: 'Reference', focusVisible: true });
    await keyboard.type('FR-BAIE-2026-0031');
    await tabTo(page, 'Location');
    await keyboard.type('Slipway of Plouzane');
    // Shift+Tab goes back a field, Tab returns.
    expect((await tabTo(page, 'Jurisdiction', { backwards: true })).focusVisible).toBe(true);
    await tabTo(page, 'Location');

    // Line 1 (an engine by default): its serial number.
    await tabTo(page, 'Serial number');
    expect((await focused(page)).line).toBe(0);
    await keyboard.type('6G5-3100031');

    // Alt+N: a second line, focus in its first field (its kind).
    await keyboard.press('Alt+n');
    await page.locator('[data-line="1"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-line]')?.getAttribute('data-line') === '1');
    expect(await focused(page)).toMatchObject({ line: 1, label: 'Kind', tag: 'select', focusVisible: true });
    await keyboard.press('ArrowUp'); // in the closed select: from "Outboard engine" up to "Boat / hull"
    expect(await page.locator('[data-line="1"]').getByLabel('Kind').inputValue()).toBe('BOAT');
    await tabTo(page, 'HIN');
    await keyboard.type('FR-BAI31031-Z4-24'); // Z is no month: refused by the registry
    // Shift+Tab back to the kind and Tab forward again.
    expect(await tabTo(page, 'Kind', { backwards: true })).toMatchObject({ line: 1 });
    expect(await tabTo(page, 'HIN')).toMatchObject({ line: 1 });

    // A third line, removed again: focus returns to the line before it.
    await keyboard.press('Alt+n');
    await page.waitForFunction(() => document.activeElement?.closest('[data-line]')?.getAttribute('data-line') === '2');
    expect(await focused(page)).toMatchObject({ line: 2, label: 'Kind', focusVisible: true });
    await keyboard.press('Alt+Backspace');
    await page.locator('[data-line="2"]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.closest('[data-line]')?.getAttribute('data-line') === '1');
    expect(await focused(page)).toMatchObject({ line: 1, label: 'Kind', focusVisible: true });
    expect(await page.locator('[data-line]').count()).toBe(2);

    // Enter in a field records; the refusal puts the focus on the field in error.
    await tabTo(page, 'HIN');
    await keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'The registry refused the seizure' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    const inError = await focused(page);
    expect(inError).toMatchObject({ line: 1, label: 'HIN', ariaInvalid: 'true', focusVisible: true });
    expect(inError.errorMessage).toMatch(/month/i);
    expect(inError.describedBy).toContain(inError.errorMessage);
    expect((await app.query(`SELECT count(*)::int AS n FROM seizure WHERE reference = 'FR-BAIE-2026-0031'`))[0].n).toBe(0);
    await screenshot(page, '10-record-keyboard-refused-focus');

    // Fixed in place (select the text, type over it), then Enter again.
    await keyboard.press('Control+a');
    await keyboard.type('FR-BAI31031-D4-24');
    await keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Seizure FR-BAIE-2026-0031' }).waitFor();
    const stored = await app.query(
      `SELECT s.location_description, i.kind::text AS kind, coalesce(i.serial_number, i.hin) AS identifier FROM seizure s JOIN item i ON i.seizure_id = s.id
        WHERE s.reference = 'FR-BAIE-2026-0031' ORDER BY i.kind::text`,
    );
    expect(stored).toEqual([
      { location_description: 'Slipway of Plouzane', kind: 'BOAT', identifier: 'FR-BAI31031-D4-24' },
      { location_description: 'Slipway of Plouzane', kind: 'ENGINE', identifier: '6G5-3100031' },
    ]);
    watched.expectClean();
  });
});
