import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './shell/App';
import { ShellStoreProvider } from './store/context';
import { createShellStore } from './store/shell';
import { createAccountStore } from './store/account';
import { AccountStoreProvider } from './store/account-context';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const store = createShellStore(api);
const accounts = createAccountStore(api);
createRoot(container).render(
  <StrictMode>
    <ShellStoreProvider store={store}>
      <AccountStoreProvider store={accounts}>
        <App />
      </AccountStoreProvider>
    </ShellStoreProvider>
  </StrictMode>,
);
