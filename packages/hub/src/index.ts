export { CENTRAL_SETTING, type CentralLink, type PushOutcome } from './central-pusher';
export { applyRetention, syncFile } from './data-care';
export { createHub, HUB_VERSION, type Hub, type HubOptions } from './hub';
export { buildReport, type Report } from './reports';
export { random, seedOffice } from './seed';
export { DURABILITIES, type Durability } from './storage/database';
export { ReportStore } from './storage/report-store';
export { Store } from './storage/store';
