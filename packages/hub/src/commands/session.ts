import type { AreaHandlers } from './handler';

/** Who the socket is: device, staff member, desk. */
export const sessionCommands = {
  'session:whoami': (_hub, ctx) => ({
    role: ctx.data.role,
    deviceId: ctx.data.deviceId ?? null,
    staffId: ctx.data.staffId ?? null,
    staffName: ctx.data.staffName ?? null,
    deskId: ctx.data.deskId ?? null,
  }),
} satisfies AreaHandlers;
