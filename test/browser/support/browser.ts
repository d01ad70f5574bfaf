import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOTS_DIR = join(__dirname, '..', 'screenshots');

const LAUNCH_ATTEMPTS = 3;

/**
 * Chromium from @sparticuz/chromium (unpacked by the global setup), with everything that phones
 * home turned off. On a loaded machine this build now and then dies of SIGSEGV while starting,
 * before any page exists; such a launch is tried again (at most three times, each retry logged),
 * since no test has run yet. A browser that crashes after starting still fails its test.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.REGISTRY_TEST_CHROMIUM_PATH;
  if (!executablePath) throw new Error('browser tests need the integration global setup (run them through jest)');
  // Without --single-process: in it, closing one browser context ends the whole browser.
  const args = (JSON.parse(process.env.REGISTRY_TEST_CHROMIUM_ARGS ?? '[]') as string[]).filter((arg) => arg !== '--single-process');
  const options = {
    executablePath,
    args: [...args, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    headless: true,
  };
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await chromium.launch(options);
    } catch (error) {
      if (attempt >= LAUNCH_ATTEMPTS) throw error;
      process.stderr.write(`chromium did not start (attempt ${attempt} of ${LAUNCH_ATTEMPTS}): ${(error as Error).message.split('\n')[0]}\n`);
    }
  }
}

/** A page that records every request leaving for another host and every error the page logs. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Requests to anything but the test server's own host (127.0.0.1 / localhost). */
  foreignRequests: string[];
  /** console.error messages and uncaught exceptions. */
  errors: string[];
  /** Fails the test when a request left the machine or the console logged an error. */
  expectClean(): void;
  close(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function openWatchedPage(
  browser: Browser, options: { width?: number; height?: number; expectedErrors?: RegExp[]; timezoneId?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const expected = options.expectedErrors ?? [];
  // Context-wide, so requests of workers are seen too.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!LOCAL_HOSTS.has(url.hostname)) foreignRequests.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.some((re) => re.test(message.text()))) errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    page,
    context,
    foreignRequests,
    errors,
    expectClean() {
      expect(foreignRequests).toEqual([]);
      expect(errors).toEqual([]);
    },
    close: () => context.close(),
  };
}

/** Saves a screenshot of a main screen (test/browser/screenshots/, kept out of git) to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Signs in on the console with the demo token the service wrote into the page. */
export async function signInWithDemoToken(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Use the demo token' }).click();
  await page.getByRole('heading', { name: /Recent seizures of/ }).waitFor();
}

/**
 * Runs GraphiQL's query once its editor holds it: the execute button is drawn before the editor
 * has loaded the query (its worker starts later on a busy machine), and a click before then runs
 * nothing. Answers the response of the POST that sends the named operation.
 */
export async function runGraphiQLQuery(page: Page, operationName: string) {
  await page.waitForFunction((name) => document.querySelector('.graphiql-query-editor')?.textContent?.includes(name), operationName);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/graphql' && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(operationName));
  await page.locator('.graphiql-execute-button').click();
  return answered;
}
