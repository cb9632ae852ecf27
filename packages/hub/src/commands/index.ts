import { appointmentCommands } from './appointments';
import { deskCommands } from './desk';
import { deskParkCommands } from './desk-park';
import { deskPickCommands } from './desk-pick';
import { guestBookCommands } from './guest-book';
import type { Handlers } from './handler';
import { onlineCommands } from './online';
import { printingCommands } from './printing';
import { ratingCommands } from './ratings';
import { sessionCommands } from './session';
import { settingsCommands } from './settings';
import { staffDeviceCommands } from './staff-devices';
import { ticketCommands } from './tickets';

/**
 * Every command's handler, one area per file. Typed as `Handlers`: a command of the contract
 * without a handler here does not compile. A new area is one file and one line below.
 */
export const handlers: Handlers = {
  ...ticketCommands,
  ...deskCommands,
  ...deskPickCommands,
  ...guestBookCommands,
  ...ratingCommands,
  ...settingsCommands,
  ...staffDeviceCommands,
  ...printingCommands,
  ...onlineCommands,
  ...appointmentCommands,
  ...sessionCommands,
  ...deskParkCommands,
};
