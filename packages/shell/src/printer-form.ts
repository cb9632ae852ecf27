/**
 * The set-up page's printer section without the DOM: form values to a printer setting and back,
 * and a print outcome in words (Indonesian / English). Imported by the page (bundled) and tests.
 */
import type { KioskPrinterSetting, PrintOutcome } from './bridge';

export interface PrinterFormValues {
  kind: KioskPrinterSetting['kind'];
  host: string;
  port: string;
  /** `vvvv:pppp` in hex, as the USB list's option values. */
  usb: string;
  os: string;
  paperWidth: string;
}

export const usbValue = (printer: { vendorId: number; productId: number }) =>
  `${printer.vendorId.toString(16).padStart(4, '0')}:${printer.productId.toString(16).padStart(4, '0')}`;

export function formFromSetting(setting: KioskPrinterSetting | undefined): PrinterFormValues {
  const values: PrinterFormValues = {
    kind: 'hub',
    host: '',
    port: '9100',
    usb: '',
    os: '',
    paperWidth: '80',
  };
  if (!setting) return values;
  switch (setting.kind) {
    case 'hub':
      return values;
    case 'network':
      return { ...values, kind: 'network', host: setting.host, port: String(setting.port) };
    case 'usb':
      return { ...values, kind: 'usb', usb: usbValue(setting) };
    case 'os':
      return { ...values, kind: 'os', os: setting.deviceName, paperWidth: String(setting.paperWidth) };
  }
}

export type FormCheck = { ok: true; setting: KioskPrinterSetting } | { ok: false; message: string };

export function settingFromForm(values: PrinterFormValues): FormCheck {
  switch (values.kind) {
    case 'hub':
      return { ok: true, setting: { kind: 'hub' } };
    case 'network': {
      const host = values.host.trim();
      const port = Number(values.port || '9100');
      if (!/^[A-Za-z0-9.:_-]{1,253}$/.test(host))
        return { ok: false, message: 'Isi alamat IP printer. / Enter the printer’s IP address.' };
      if (!Number.isInteger(port) || port < 1 || port > 65_535)
        return { ok: false, message: 'Port 1-65535 (biasanya 9100). / Port 1-65535 (usually 9100).' };
      return { ok: true, setting: { kind: 'network', host, port } };
    }
    case 'usb': {
      const match = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(values.usb);
      if (!match) return { ok: false, message: 'Pilih printer USB. / Choose a USB printer.' };
      return {
        ok: true,
        setting: {
          kind: 'usb',
          vendorId: Number.parseInt(match[1] as string, 16),
          productId: Number.parseInt(match[2] as string, 16),
        },
      };
    }
    case 'os':
      if (!values.os) return { ok: false, message: 'Pilih printer Windows. / Choose a system printer.' };
      return {
        ok: true,
        setting: { kind: 'os', deviceName: values.os, paperWidth: values.paperWidth === '58' ? 58 : 80 },
      };
  }
}

const OUTCOMES: Record<PrintOutcome['state'], string> = {
  ok: 'Tiket uji tercetak. Periksa hasilnya di kertas. / Test ticket printed: check the paper.',
  offline: 'Printer tidak terhubung. / The printer is not connected.',
  'paper-out': 'Kertas habis. / Out of paper.',
  'cover-open': 'Tutup printer terbuka. / The printer cover is open.',
  error: 'Gagal mencetak. / Printing failed.',
};

export function outcomeText(outcome: PrintOutcome): { text: string; tone: 'ok' | 'error' } {
  const text = outcome.state === 'ok' ? OUTCOMES.ok : `${OUTCOMES[outcome.state]} (${outcome.detail})`;
  return { text, tone: outcome.state === 'ok' ? 'ok' : 'error' };
}
