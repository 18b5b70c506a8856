import { describeUrlOrigin, isAppUrl } from '../window/app-origin';

/** The part of an IpcMainInvokeEvent the sender check reads. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/**
 * Reads the sender frame's URL, or null when there is no frame: Electron sets senderFrame
 * to null (or throws on access) once the frame has navigated away or been destroyed.
 */
function senderUrl(event: SenderEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/** True only when the call comes from a frame showing app://cloudshelf. */
export function isTrustedSender(event: SenderEvent): boolean {
  const url = senderUrl(event);
  return url !== null && isAppUrl(url);
}

/** Where a call came from, for the log: scheme and host only, never the path or query. */
export function describeSender(event: SenderEvent): string {
  const url = senderUrl(event);
  return url === null ? 'a missing or destroyed frame' : describeUrlOrigin(url);
}
