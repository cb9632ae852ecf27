export { createHub, HUB_VERSION, type Hub, type HubOptions } from './hub';
export { Store } from './storage/store';
