// Bundled into one file (sandboxed preloads can only require 'electron'), so this imports
// nothing but electron and the contract's zod-free bridge (main validates every call; the
// preload-size test keeps zod out); the transport lives in ipc/ to be tested.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, preloadGlobalName } from '../shared/contract/bridge';
import { createPreloadTransport } from './ipc/preload-transport';

contextBridge.exposeInMainWorld(
  preloadGlobalName,
  buildBridge(createPreloadTransport(ipcRenderer)),
);
