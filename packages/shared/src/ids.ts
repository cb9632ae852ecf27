/** The id patterns of command payloads, one schema each for every module of the contract. */
import { z } from 'zod';
import { ID_PATTERN } from './rules';

/** An id of the office's configuration (a service, a desk) in a payload or in the configuration itself. */
export const idSchema = z.string().regex(ID_PATTERN, 'lowercase letters, digits and dashes');

/** A ticket id as queue-core's ticketIdFor makes it: the office day and the ticket number. */
export const ticketIdSchema = z.string().regex(/^\d{8}-[A-Z]\d{3,4}$/, 'a ticket id such as 20261125-K012');

/** A print job's id: the hub names the job, the kiosk's shell checks it again before printing. */
export const printJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
