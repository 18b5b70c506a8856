import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './shell/App';
import { ShellStoreProvider } from './store/context';
import { createShellStore } from './store/shell';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

const store = createShellStore(api);
createRoot(container).render(
  <StrictMode>
    <ShellStoreProvider store={store}>
      <App />
    </ShellStoreProvider>
  </StrictMode>,
);
