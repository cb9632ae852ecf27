export { CENTRAL_SETTING, type CentralLink, type PushOutcome } from './central-pusher';
export { applyRetention } from './data-care';
export { createHub, HUB_VERSION, type Hub, type HubOptions } from './hub';
export { buildReport, type Report } from './reports';
export { random, seedOffice } from './seed';
export { outboxCounts } from './storage/central-outbox';
export { DURABILITIES, type Durability } from './storage/database';
export { Store } from './storage/store';
