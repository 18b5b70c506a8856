// Bundled into one file (sandboxed preloads can only require 'electron'), so this imports
// nothing but electron and the shared contract; the transport lives in ipc/ to be tested.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge, preloadGlobalName } from '../shared/contract';
import { createPreloadTransport } from './ipc/preload-transport';

contextBridge.exposeInMainWorld(
  preloadGlobalName,
  buildBridge(createPreloadTransport(ipcRenderer)),
);
