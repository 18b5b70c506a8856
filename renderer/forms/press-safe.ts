import { useEffect, useRef } from 'react';

/**
 * Runs a state update now, or, while a mouse/pen/touch press is in progress, just after the
 * click that press ends in. Errors revealed when a field loses focus push the content below
 * them down; done during a press, that moves the button under the pointer and the click is
 * lost (pressing Add or Create right after typing would do nothing).
 */
export function usePressSafe(): (update: () => void) => void {
  const pressed = useRef(false);
  const pending = useRef<(() => void)[]>([]);
  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      // After the click that follows this pointerup (same task), not before it.
      setTimeout(() => {
        pressed.current = false;
        const updates = pending.current.splice(0);
        for (const update of updates) update();
      }, 0);
    };
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    window.addEventListener('pointercancel', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
      window.removeEventListener('pointercancel', up, true);
    };
  }, []);
  return (update) => {
    if (pressed.current) pending.current.push(update);
    else update();
  };
}
