import { describe, expect, it } from 'vitest';
import type { KioskPrinterSetting } from './bridge';
import { formFromSetting, outcomeText, settingFromForm } from './printer-form';

describe('set-up page printer form', () => {
  it('turns each choice into a setting and back', () => {
    const settings: KioskPrinterSetting[] = [
      { kind: 'hub' },
      { kind: 'network', host: '192.168.1.50', port: 9100 },
      { kind: 'usb', vendorId: 0x0416, productId: 0x5011 },
      { kind: 'os', deviceName: 'EPSON TM-T82 Receipt', paperWidth: 58 },
    ];
    for (const setting of settings)
      expect(settingFromForm(formFromSetting(setting))).toEqual({ ok: true, setting });
    expect(formFromSetting({ kind: 'usb', vendorId: 0x0416, productId: 0x5011 }).usb).toBe('0416:5011');
    expect(formFromSetting(undefined).kind).toBe('hub');
  });

  it('says what is missing, in Indonesian first', () => {
    const empty = formFromSetting(undefined);
    expect(settingFromForm({ ...empty, kind: 'network' })).toMatchObject({ ok: false, message: /alamat IP/ });
    expect(settingFromForm({ ...empty, kind: 'network', host: '10.0.0.9', port: '70000' })).toMatchObject({
      ok: false,
    });
    expect(settingFromForm({ ...empty, kind: 'usb' })).toMatchObject({ ok: false, message: /printer USB/ });
    expect(settingFromForm({ ...empty, kind: 'os' })).toMatchObject({
      ok: false,
      message: /printer Windows/,
    });
  });

  it('puts a test print outcome in words', () => {
    expect(outcomeText({ state: 'ok', detail: 'x' })).toEqual({
      text: expect.stringMatching(/^Tiket uji tercetak/),
      tone: 'ok',
    });
    expect(outcomeText({ state: 'paper-out', detail: 'network printer 10.0.0.9:9100: paper out' })).toEqual({
      text: 'Kertas habis. / Out of paper. (network printer 10.0.0.9:9100: paper out)',
      tone: 'error',
    });
  });
});
