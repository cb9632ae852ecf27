import { createPreloadBridge } from '@pst/shell/bridge';
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('pstShell', createPreloadBridge(ipcRenderer));
