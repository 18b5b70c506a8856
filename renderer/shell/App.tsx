import { useEffect } from 'react';
import { BrowseScreen } from '../browse/BrowseScreen';
import { MutationDialogs } from '../mutations/MutationDialogs';
import { OperationsPanel } from '../mutations/OperationsPanel';
import { ProductionBanner } from '../mutations/ProductionBanner';
import { useAccountStore } from '../store/account-context';
import { useBrowseStore } from '../store/browse-context';
import { useShell, useShellStore } from '../store/context';
import { useInventoryStore } from '../store/inventory-context';
import { useSafetyStore } from '../store/safety-context';
import { ErrorPanel } from './ErrorPanel';
import { LoadingState } from './LoadingState';
import { MfaDialog } from './MfaDialog';
import { CredentialProcessIndicator } from './CredentialProcessIndicator';
import { ProblemsBanner } from './ProblemsBanner';
import { SafetyReviewBanner } from './SafetyReviewBanner';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { Toolbar } from './Toolbar';

/** The app frame. `data-app-state` lets tests and tools wait for a settled screen. */
export function App() {
  const store = useShellStore();
  const appState = useShell((state) => state.appState);
  const accounts = useAccountStore();
  const inventory = useInventoryStore();
  const browse = useBrowseStore();
  const safety = useSafetyStore();

  useEffect(() => store.getState().start(), [store]);
  useEffect(() => accounts.getState().start(), [accounts]);
  // Inventory listens before Browse can start its first scan.
  useEffect(() => inventory.getState().start(), [inventory]);
  useEffect(() => browse.getState().start(), [browse]);
  useEffect(() => safety.getState().start(), [safety]);

  const ready = appState === 'ready';
  return (
    <div className="app" data-app-state={appState}>
      <TitleBar />
      <Toolbar />
      <SafetyReviewBanner />
      <CredentialProcessIndicator />
      <ProductionBanner />
      <ProblemsBanner />
      <main className={ready ? 'main main-browse' : 'main'} aria-busy={appState === 'loading'}>
        {appState === 'error' ? <ErrorPanel /> : ready ? <BrowseScreen /> : <LoadingState />}
      </main>
      <OperationsPanel />
      <StatusBar />
      <MfaDialog />
      <MutationDialogs />
    </div>
  );
}
