/// <reference lib="dom" />
// GraphiQL against a production registry (introspection off): it never asks for the schema, says
// why completion and docs are missing, and still runs a query with the console's sign-in; nothing
// leaves 127.0.0.1 and the page logs no error.
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, runGraphiQLQuery, screenshot } from './support/browser';

jest.setTimeout(90_000);

let app: TestApp;
let browser: Browser;
let token: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([TestApp.start({ production: true }), launchBrowser()]);
  const agency = await makeAgency(app, { code: 'FR-SEIN', name: 'Brigade de Sein (test)', jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER]);
  await makeSeizure(app, token, { reference: 'FR-SEIN-2026-0004' });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('GraphiQL in production', () => {
  it('sends no introspection, explains the missing completion, and runs a query with the tab\'s sign-in', async () => {
    const watched = await openWatchedPage(browser);
    try {
      const { page } = watched;
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') posted.push(request.postData() ?? '');
      });
      // Signed in at the console of this tab (no demo token in production: a pasted one).
      await page.goto(`${app.baseUrl}/sign-in`);
      expect(await page.getByRole('button', { name: 'Use the demo token' }).count()).toBe(0);
      await page.evaluate((t) => sessionStorage.setItem('registry.token', t), token);

      await page.goto(`${app.baseUrl}/graphql`);
      const note = page.getByRole('note');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/completion and the docs need introspection, which this registry turns off in production/);
      expect((await runGraphiQLQuery(page, 'RecentSeizures')).status()).toBe(200);
      await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('FR-SEIN-2026-0004'));
      expect(posted.filter((body) => body.includes('__schema'))).toEqual([]);
      expect(posted).toHaveLength(1);
      await screenshot(page, '13-graphiql-production');
      watched.expectClean();
    } finally {
      await watched.close();
    }
  });
});
