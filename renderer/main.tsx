import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Base styles first, so component styles (imported by the components) build on them.
import './styles.css';
import { api } from './api';
import { MutationDialogsProvider } from './mutations/dialog-context';
import { App } from './shell/App';
import { createAccountStore } from './store/account';
import { AccountStoreProvider } from './store/account-context';
import { createBrowseStore } from './store/browse';
import { BrowseStoreProvider } from './store/browse-context';
import { ShellStoreProvider } from './store/context';
import { createInventoryStore } from './store/inventory';
import { InventoryStoreProvider } from './store/inventory-context';
import { createRequestsStore } from './store/requests';
import { RequestsStoreProvider } from './store/requests-context';
import { createSafetyStore } from './store/safety';
import { SafetyStoreProvider } from './store/safety-context';
import { createShellStore } from './store/shell';
import { createTableViewStore } from './store/table-view';
import { TableViewStoreProvider } from './store/table-view-context';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const shell = createShellStore(api);
const accounts = createAccountStore(api);
const inventory = createInventoryStore(api);
const browse = createBrowseStore({ api, shell, inventory });
const tableView = createTableViewStore(api);
const requests = createRequestsStore(api);
const safety = createSafetyStore({ api, browse });
createRoot(container).render(
  <StrictMode>
    <ShellStoreProvider store={shell}>
      <AccountStoreProvider store={accounts}>
        <InventoryStoreProvider store={inventory}>
          <BrowseStoreProvider store={browse}>
            <TableViewStoreProvider store={tableView}>
              <RequestsStoreProvider store={requests}>
                <SafetyStoreProvider store={safety}>
                  <MutationDialogsProvider>
                    <App />
                  </MutationDialogsProvider>
                </SafetyStoreProvider>
              </RequestsStoreProvider>
            </TableViewStoreProvider>
          </BrowseStoreProvider>
        </InventoryStoreProvider>
      </AccountStoreProvider>
    </ShellStoreProvider>
  </StrictMode>,
);
