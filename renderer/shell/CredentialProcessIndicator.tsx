import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CredentialProcessRun } from '../../shared/contract';
import { useAccount } from '../store/account-context';

/** "12 s", "1 min 05 s": how long a command has been running. */
export function elapsedText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${String(seconds)} s`;
  const rest = String(seconds % 60).padStart(2, '0');
  return `${String(Math.floor(seconds / 60))} min ${rest} s`;
}

export interface CredentialProcessListProps {
  runs: readonly CredentialProcessRun[];
  now: number;
  onCancel: (profile: string) => void;
}

/** One line per profile waiting on its credential_process: program, time so far, Cancel. */
export function CredentialProcessList({ runs, now, onCancel }: CredentialProcessListProps) {
  if (runs.length === 0) return null;
  // A banner under the toolbar, not inside the profile control: it speaks of every profile,
  // and the toolbar's row has no room for a sentence.
  return (
    <div className="banner" role="status" aria-live="polite" aria-label="Credential processes">
      <span className="banner-icon" aria-hidden="true">
        ⏳
      </span>
      <ul className="banner-body banner-list credential-processes">
        {runs.map((run) => (
          <li key={run.runId}>
            <span>
              Profile {run.profile} is waiting for its credential_process <code>{run.program}</code>{' '}
              ({elapsedText(now - run.startedAt)})
            </span>
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Cancel the credential_process of profile ${run.profile}`}
              onClick={() => {
                onCancel(run.profile);
              }}
            >
              Cancel
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The credential_process commands the main process is waiting on, for every profile (a scan
 * of another profile goes on meanwhile); the clock ticks only while one runs.
 */
export function CredentialProcessIndicator() {
  const runs = useAccount(useShallow((state) => Object.values(state.credentialProcesses)));
  const cancel = useAccount((state) => state.cancelCredentialProcess);
  const [now, setNow] = useState(() => Date.now());
  const running = runs.length > 0;
  useEffect(() => {
    // Until the first tick, a run that started after `now` shows 0 s.
    if (!running) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [running]);
  return (
    <CredentialProcessList
      runs={runs}
      now={now}
      onCancel={(profile) => {
        void cancel(profile);
      }}
    />
  );
}
