export { applyAutoStart, autoStartId, linuxAutostartEntry, quoteExec } from './autostart';
export * from './bridge';
export type * from './electron-like';
export { createExitGuard, type ExitCheck } from './exit-guard';
export { createFileLog } from './file-log';
export { appUrl, type HubAddress, parseHubAddress } from './hub-address';
export { probeHub } from './hub-health';
export { type Clock, createCrashPolicy, systemClock } from './recovery';
export {
  defaultSettings,
  type LoadedSettings,
  loadSettings,
  openSettings,
  SETTINGS_FILE,
  type SettingsStore,
  type ShellSettings,
  settingsSchema,
  writeSettings,
} from './settings';
export {
  BUNDLE_FILES,
  PRODUCT_NAMES,
  type ShellHandle,
  type ShellMode,
  type ShellOptions,
  startShell,
} from './shell';
export { guardWebContents, isPermissionAllowed, isTrustedUrl } from './trusted-url';
export {
  chooseDisplay,
  counterWindowOptions,
  displayWindowOptions,
  kioskWindowOptions,
  visibleBounds,
  type WindowOptionsInput,
  windowOptions,
} from './window-options';
