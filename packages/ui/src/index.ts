/** What every app's screens repeat (ARCHITECTURE.md): styles come from `@pst/ui/base.css`. */

export { DateField, FileButton, TimeField } from './fields';
export { mountApp } from './mount-app';
export { OfflineNotice } from './OfflineNotice';
export { PairingScreen } from './PairingScreen';
export { UiProvider, type UiState, type UiStore } from './provider';
export { useDeviceToken } from './use-device-token';
export { useHubNow } from './use-hub-now';
export { type Translate, useLang, useT } from './use-t';
