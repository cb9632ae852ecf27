import type { IpcMainInvokeEventLike, IpcMainLike } from './electron-like';

/**
 * Main's side of a bridge API: each call gets the IPC event first (to check which page sent it), then
 * its arguments unchecked (`unknown`: every one passes a schema), and answers what the API promises.
 */
export type IpcHandlers<Api> = {
  [K in keyof Api]: Api[K] extends (...args: never[]) => infer R
    ? (event: IpcMainInvokeEventLike, ...args: unknown[]) => R
    : never;
};

/** Answers each of an API's channels with its handler, replacing a handler left by an earlier start. */
export function handleIpc<Api>(
  ipcMain: IpcMainLike,
  channels: { readonly [K in keyof Api]: string },
  handlers: IpcHandlers<Api>,
): void {
  for (const name of Object.keys(channels) as Array<keyof Api>) {
    ipcMain.removeHandler(channels[name]);
    ipcMain.handle(channels[name], handlers[name]);
  }
}
