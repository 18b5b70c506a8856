import { useEffect, useState } from 'react';

export interface CopyResult {
  ok: boolean;
  message: string;
}

/** How long "Copied" stays up; a failure stays until the next copy, so it can be read. */
const CONFIRM_MS = 2000;

/**
 * Copies text and says what happened, for a status line next to the copy buttons. The
 * clipboard can refuse (no focus, a denied permission); `workaround` tells the user how to
 * copy by hand from where they are.
 */
export function useClipboard(
  workaround: string,
): [CopyResult | null, (text: string, what: string) => Promise<void>] {
  const [result, setResult] = useState<CopyResult | null>(null);

  useEffect(() => {
    if (!result?.ok) return;
    const timer = setTimeout(() => {
      setResult(null);
    }, CONFIRM_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [result]);

  const copy = async (text: string, what: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setResult({ ok: true, message: `Copied the ${what}` });
    } catch {
      setResult({
        ok: false,
        message: `Could not copy the ${what}: the system clipboard refused. ${workaround}`,
      });
    }
  };

  return [result, copy];
}
