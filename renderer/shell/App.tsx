import { useEffect } from 'react';
import { useShell, useShellStore } from '../store/context';
import { EmptyState } from './EmptyState';
import { ErrorPanel } from './ErrorPanel';
import { LoadingState } from './LoadingState';
import { MfaDialog } from './MfaDialog';
import { useAccountStore } from '../store/account-context';
import { ProblemsBanner } from './ProblemsBanner';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { Toolbar } from './Toolbar';

/** The app frame. `data-app-state` lets tests and tools wait for a settled screen. */
export function App() {
  const store = useShellStore();
  const appState = useShell((state) => state.appState);

  const accounts = useAccountStore();

  useEffect(() => store.getState().start(), [store]);
  useEffect(() => accounts.getState().start(), [accounts]);

  return (
    <div className="app" data-app-state={appState}>
      <TitleBar />
      <Toolbar />
      <ProblemsBanner />
      <main className="main" aria-busy={appState === 'loading'}>
        {appState === 'error' ? (
          <ErrorPanel />
        ) : appState === 'loading' ? (
          <LoadingState />
        ) : (
          <EmptyState />
        )}
      </main>
      <StatusBar />
      <MfaDialog />
    </div>
  );
}
