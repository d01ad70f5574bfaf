import { ok, refuse, type KeyResult } from './key-result';

/** Query parameters that only say how a link was shared. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|igshid|igsh|mibextid)$/i;

/**
 * A URL's canonical form, how adverts are compared: scheme, a leading `www.` or `m.` and the
 * fragment dropped; the host lower-case (IDN as punycode), without a default port; the path's
 * trailing `/` dropped (whether or not a query follows); tracking parameters dropped; the rest of
 * the path and query kept as written, in order.
 */
export function canonicalUrlKey(raw: string): KeyResult {
  const text = raw.normalize('NFKC').trim();
  if (/\s/.test(text)) return refuse(`URL '${raw}' must not contain spaces`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\/\//, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(`URL '${raw}' is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(`URL '${raw}' must be a web address (http or https)`);
  const host = url.hostname.replace(/\.$/, '').replace(/^(?:www|m)\.(?=[^.]+\.)/, '');
  if (!/^[^.]+(?:\.[^.]+)+$/.test(host)) return refuse(`URL '${raw}' needs a host with a domain, got '${url.hostname}'`);
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  // Kept as written: URLSearchParams would re-encode what it keeps.
  const kept = url.search.slice(1).split('&').filter((pair) => pair !== '' && !TRACKING.test(decodeName(pair)));
  return ok(`${host}${port}${path}${kept.length ? `?${kept.join('&')}` : ''}`);
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0];
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
