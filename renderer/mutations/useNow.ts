import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` while `running`, so elapsed times tick. */
export function useNow(running: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, intervalMs);
    return () => {
      clearInterval(timer);
    };
  }, [running, intervalMs]);
  return now;
}
