// @sparticuz/chromium is ESM-only, which Jest's test sandbox cannot load on this Node: the global
// setup (a plain Node context) unpacks the browser once and hands its path and flags to the test
// files through the environment. Nothing is downloaded: the browser ships inside the package.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export async function prepareChromium(): Promise<void> {
  const chromium = (await importEsm('@sparticuz/chromium')).default;
  process.env.REGISTRY_TEST_CHROMIUM_PATH = await chromium.executablePath();
  process.env.REGISTRY_TEST_CHROMIUM_ARGS = JSON.stringify(chromium.args);
}
