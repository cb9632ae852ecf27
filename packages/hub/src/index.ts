export { applyRetention } from './data-care';
export { createHub, HUB_VERSION, type Hub, type HubOptions } from './hub';
export { buildReport, type Report } from './reports';
export { random, seedOffice } from './seed';
export { Store } from './storage/store';
