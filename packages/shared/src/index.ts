// First: before any schema is made (see zod-config.ts).
import './zod-config';

export * from './announcement';
export * from './announcement-clips';
export * from './calendar';
export * from './central';
export * from './chosen-call-rows';
export * from './config';
export * from './contract';
export * from './desk-pick';
export * from './desk-rules';
export * from './errors';
export * from './format';
export * from './guest-book';
export * from './i18n';
export * from './ids';
export * from './ikm';
export * from './login-throttle';
export * from './online';
export * from './opening-hours';
export * from './report-tables';
export * from './reports';
export * from './rules';
export * from './service-clock';
export * from './staff-roles';
export * from './terbilang';
export * from './time';
export * from './working-days';
