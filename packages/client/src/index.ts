export { type ConnectionState, connectHub, type HubConnection, type HubSocket } from './connection';
export { forgetDeviceToken, readDeviceToken, saveDeviceToken } from './device-token';
