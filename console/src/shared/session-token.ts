// The bearer token is kept for this tab only (sessionStorage, never a cookie: nothing is sent
// automatically, so there is no CSRF surface), and shared by the console and GraphiQL (same origin).
const KEY = 'registry.token';

export function readToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(KEY);
}

/** The demo token the service writes into the page outside production (a non-executable meta element). */
export function demoTokenOfPage(): string | null {
  const content = document.querySelector<HTMLMetaElement>('meta[name="registry-demo-token"]')?.content;
  return content ? content : null;
}
