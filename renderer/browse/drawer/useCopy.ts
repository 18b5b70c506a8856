import { useEffect, useState } from 'react';

export interface CopyStatus {
  ok: boolean;
  message: string;
}

/** How long "Copied" stays up. Failures stay until the next copy, so they can be read. */
const CONFIRM_MS = 2000;

/**
 * Copies text to the clipboard and reports what happened in words, for a status line.
 * The clipboard can refuse (no focus, a denied permission); that is said plainly with a
 * way around it.
 */
export function useCopy(): [CopyStatus | null, (text: string, what: string) => Promise<void>] {
  const [status, setStatus] = useState<CopyStatus | null>(null);

  useEffect(() => {
    if (!status?.ok) return;
    const timer = setTimeout(() => {
      setStatus(null);
    }, CONFIRM_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [status]);

  const copy = async (text: string, what: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ ok: true, message: `Copied ${what}` });
    } catch {
      setStatus({
        ok: false,
        message: `Could not copy the ${what}: the system clipboard refused. Open the JSON tab, select the text and press Ctrl+C (⌘C on a Mac).`,
      });
    }
  };

  return [status, copy];
}
