/**
 * The one origin Cloudshelf's own pages load from. Everything that decides "is this us?"
 * (IPC sender checks, navigation guards, the app:// protocol handler) asks this module.
 */
export const appScheme = 'app';
export const appHost = 'cloudshelf';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for `app://cloudshelf/…`. Compares the parsed protocol and host rather than
 * `.origin`: for a non-special scheme like `app:` the origin is the string "null" for
 * every host, so an origin comparison would accept `app://anything`.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${appScheme}:` &&
    url.host === appHost &&
    url.username === '' &&
    url.password === ''
  );
}

/** A short, log-safe description of where a URL points (scheme and host, no path or query). */
export function describeUrlOrigin(raw: string): string {
  const url = parseUrl(raw);
  if (url === null) return 'an unparseable URL';
  return url.host === '' ? `${url.protocol} URL` : `${url.protocol}//${url.host}`;
}
