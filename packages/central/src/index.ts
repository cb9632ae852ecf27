export * from './accounts';
export * from './dashboard';
export { ingestPush } from './ingest';
export { migrate } from './migrations';
export { rebuildMonths } from './months';
export { type Central, type CentralOptions, createCentral } from './server';
