import { z } from 'zod';
import type { KioskPrinterSetting } from './bridge';

/** The kiosk's printer in the shell settings (absent: the hub prints); checked again on every save. */
export const kioskPrinterSettingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hub') }),
  z.strictObject({
    kind: z.literal('network'),
    host: z
      .string()
      .trim()
      .min(1)
      .max(253)
      .regex(/^[A-Za-z0-9.:_-]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65_535),
  }),
  z.strictObject({
    kind: z.literal('usb'),
    vendorId: z.number().int().min(0).max(0xffff),
    productId: z.number().int().min(0).max(0xffff),
  }),
  z.strictObject({
    kind: z.literal('os'),
    deviceName: z.string().min(1).max(200),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
  }),
]) satisfies z.ZodType<KioskPrinterSetting>;
