import { tokenQueryParam } from '../../shared/contract';

/** Where the browser-mode token is kept for this tab: it survives reloads, not the tab. */
export const tokenStorageKey = 'cloudshelf.token';

export interface TokenPlace {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

function storageOf(place: TokenPlace): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    // Reading sessionStorage throws where storage is disabled; the token then lives in memory.
    return place.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Takes the token from `?token=` on first load, keeps it in sessionStorage, and removes it
 * from the address bar so it is not left in history, screenshots or bookmarks. A later
 * reload finds it in storage.
 */
export function takeToken(place: TokenPlace): string | null {
  const url = new URL(place.location.href);
  const fromUrl = url.searchParams.get(tokenQueryParam);
  const storage = storageOf(place);
  if (fromUrl) {
    try {
      storage?.setItem(tokenStorageKey, fromUrl);
    } catch {
      // Quota or privacy mode: the token still works for this page.
    }
    url.searchParams.delete(tokenQueryParam);
    place.history.replaceState(place.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return storage?.getItem(tokenStorageKey) ?? null;
  } catch {
    return null;
  }
}
