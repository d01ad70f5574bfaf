/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { Role } from '../../src/auth/roles';
import { makeAgency } from '../factories/agency.factory';
import { TestApp } from '../setup/test-app';
import { launchBrowser, openWatchedPage, screenshot } from './support/browser';
jest.setTimeout(90_000);
let app: TestApp; let browser: Browser;
beforeAll(async () => { [app, browser] = await Promise.all([TestApp.start({ production: true }), launchBrowser()]); });
afterAll(async () => { await browser?.close(); await app?.stop(); });
it('explore', async () => {
  const agency = await makeAgency(app, { code: 'FR-EXPL', name: 'Explore (test)', jurisdiction: 'FR' });
  const token = await agency.token([Role.OFFICER]);
  const w = await openWatchedPage(browser);
  const { page } = w;
  page.on('response', (r) => process.stdout.write(`resp ${r.status()} ${r.url()} ${(r.request().postData() ?? '').slice(0, 60)}\n`));
  await page.goto(`${app.baseUrl}/sign-in`);
  await page.evaluate((t) => sessionStorage.setItem('registry.token', t), token);
  await page.goto(`${app.baseUrl}/graphql`);
  await page.waitForTimeout(4000);
  await screenshot(page, 'zz-graphiql-prod-before');
  process.stdout.write('response pane: ' + (await page.locator('.graphiql-response').textContent()) + '\n');
  process.stdout.write('errors: ' + JSON.stringify(w.errors) + '\n');
  await w.close();
});
