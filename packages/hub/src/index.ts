export { applyRetention } from './data-care';
export { createHub, HUB_VERSION, type Hub, type HubOptions } from './hub';
export { random, seedOffice } from './seed';
export { Store } from './storage/store';
