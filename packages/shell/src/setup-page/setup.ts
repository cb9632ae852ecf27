/**
 * The first-run page, bundled to setup.js and loaded from disk (no hub yet). It talks to main only
 * through the preload bridge; main checks every input again.
 */
import { PIN_PATTERN } from '@pst/shared/rules';
import type { DiscoveredHub, KioskPrinterApi, ShellBridge, ShellErrorCode, ShellResult } from '../bridge';
import {
  formFromSetting,
  outcomeText,
  type PrinterFormValues,
  settingFromForm,
  usbValue,
} from '../printer-form';

declare global {
  interface Window {
    pstShell: ShellBridge;
  }
}

const APP_NAMES = { kiosk: 'Kiosk', counter: 'Meja Layanan / Desk', display: 'Layar Lobi / Lobby display' };

const MESSAGES: Record<ShellErrorCode, string> = {
  INVALID_INPUT: 'Isian tidak valid. / Invalid input.',
  INVALID_ADDRESS: 'Alamat tidak dikenali. Contoh: 192.168.1.10 / Not an address. Example: 192.168.1.10',
  HUB_UNREACHABLE:
    'Server tidak menjawab. Periksa alamat, jaringan, dan apakah hub sudah berjalan. / The hub does not answer: check the address, the network and that the hub runs.',
  NOT_A_HUB:
    'Alamat itu menjawab, tetapi bukan server antrian PST. / That address answers, but it is not a PST hub.',
  NOT_ALLOWED: 'Tidak diizinkan. / Not allowed.',
  NO_EXIT_PIN: 'PIN keluar belum diatur. / No exit PIN is set.',
  WRONG_PIN: 'PIN salah. / Wrong PIN.',
  LOCKED: 'Terlalu banyak PIN salah, coba lagi nanti. / Too many wrong PINs, try again later.',
  CERT_MISMATCH:
    'Sertifikat server tidak sama dengan yang disimpan saat pemasangan, koneksi ditolak. Bila server memang diganti, tempel tautan pemasangan yang baru. / The hub showed another certificate than the one pinned at pairing: refused. If the hub was really replaced, paste its new pairing link.',
  CERT_UNPINNED:
    'Alamat https perlu sidik jari sertifikat: tempel tautan pemasangan lengkap (...#fp=...) atau pilih server dari daftar. / An https address needs the certificate fingerprint: paste the whole pairing link (...#fp=...) or pick the hub from the list.',
};

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`setup page: #${id} missing`);
  return found as T;
}

function say(text: string, tone: 'ok' | 'error' | 'plain' = 'plain'): void {
  const status = element('status');
  status.textContent = text;
  status.className = tone === 'plain' ? '' : tone;
}

function explain<T>(result: ShellResult<T>): string {
  return result.ok ? '' : MESSAGES[result.error.code];
}

async function main(): Promise<void> {
  const shell = window.pstShell;
  const settings = await shell.getSettings();
  element('app-name').textContent = APP_NAMES[settings.kind];
  if (settings.problem) {
    const problem = element('problem');
    problem.textContent = `Berkas pengaturan rusak, pengaturan awal dipakai. / The settings file was broken; defaults are in use. (${settings.problem})`;
    problem.hidden = false;
  }

  if (settings.certificateProblem) {
    const problem = element('cert-problem');
    problem.textContent = `${MESSAGES[settings.certificateProblem.code]} (${settings.certificateProblem.message})`;
    problem.hidden = false;
  }

  if (settings.mode === 'waiting') {
    element('waiting-address').textContent = settings.hubUrl ?? '';
    element('waiting').hidden = false;
    return;
  }

  const form = element<HTMLFormElement>('setup');
  const address = element<HTMLInputElement>('address');
  const pin = element<HTMLInputElement>('exit-pin');
  const autoStart = element<HTMLInputElement>('auto-start');
  // Kiosk and lobby display run full screen with no close button: staff need a PIN to leave.
  const needsPin = settings.kind !== 'counter';
  element('pin-row').hidden = !needsPin;
  pin.required = needsPin && !settings.hasExitPin;
  pin.placeholder = settings.hasExitPin ? 'kosongkan agar tetap / leave empty to keep' : '';
  address.value = settings.hubUrl ?? '';
  autoStart.checked = settings.autoStart;
  form.hidden = false;
  address.focus();
  if (settings.kind === 'kiosk' && shell.kioskPrinter) void printerSection(shell.kioskPrinter);

  const test = async () => {
    say('Menghubungi server... / Contacting the hub...');
    const result = await shell.testHub(address.value);
    if (result.ok) say(`Terhubung / Connected: ${result.data.hubUrl} (${result.data.status})`, 'ok');
    else say(explain(result), 'error');
  };
  element('test').addEventListener('click', () => void test());
  // One tap on a found hub: its address (with its certificate fingerprint) goes in the field and is tested.
  const pick = (hub: DiscoveredHub) => {
    address.value = hub.setupAddress;
    void test();
  };
  void findHubs(shell, pick);
  element('search').addEventListener('click', () => void findHubs(shell, pick));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (pin.value !== '' && !PIN_PATTERN.test(pin.value)) {
      say('PIN harus 4-8 angka. / The PIN must be 4-8 digits.', 'error');
      return;
    }
    say('Menyimpan... / Saving...');
    const result = await shell.saveHubUrl(address.value, {
      autoStart: autoStart.checked,
      ...(pin.value ? { exitPin: pin.value } : {}),
    });
    if (result.ok) say(`Tersimpan, membuka / Saved, opening ${result.data.hubUrl}`, 'ok');
    else say(explain(result), 'error');
  });
}

/** Lists the hubs that answer on the LAN (mDNS); manual entry stays below for when none does. */
async function findHubs(shell: ShellBridge, pick: (hub: DiscoveredHub) => void): Promise<void> {
  const list = element('found-list');
  const status = element('found-status');
  const search = element<HTMLButtonElement>('search');
  search.disabled = true;
  status.textContent = 'Mencari server di jaringan... / Searching the network...';
  const result = await shell.discoverHubs();
  search.disabled = false;
  list.replaceChildren();
  const hubs = result.ok ? result.data : [];
  for (const hub of hubs) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'found-hub';
    const name = Object.assign(document.createElement('strong'), { textContent: hub.name });
    const where = Object.assign(document.createElement('span'), {
      className: 'address',
      textContent: `${hub.address}:${hub.port}${hub.tls ? ' · TLS' : ''}`,
    });
    const office = Object.assign(document.createElement('span'), { textContent: hub.office ?? '' });
    button.append(name, where, office);
    button.addEventListener('click', () => {
      for (const other of list.querySelectorAll('.found-hub')) other.classList.remove('picked');
      button.classList.add('picked');
      pick(hub);
    });
    const item = document.createElement('li');
    item.append(button);
    list.append(item);
  }
  status.textContent =
    hubs.length > 0
      ? `${hubs.length} server ditemukan, ketuk untuk memilih. / ${hubs.length} found, tap one to pick it.`
      : 'Tidak ada server yang menjawab. Masukkan alamatnya di bawah. / No hub answered: enter its address below.';
}

/** The kiosk's printer: the hub's, a network or USB printer at the kiosk, or a system printer. */
async function printerSection(printer: KioskPrinterApi): Promise<void> {
  const status = element('printer-status');
  const tell = (text: string, tone: 'ok' | 'error' | 'plain' = 'plain') => {
    status.textContent = text;
    status.className = tone === 'plain' ? '' : tone;
  };
  const host = element<HTMLInputElement>('printer-host');
  const port = element<HTMLInputElement>('printer-port');
  const usbList = element<HTMLSelectElement>('printer-usb-list');
  const osList = element<HTMLSelectElement>('printer-os-list');
  const paper = element<HTMLSelectElement>('printer-paper');
  const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="printer-kind"]')];
  const option = (list: HTMLSelectElement, value: string, label: string) =>
    list.append(Object.assign(document.createElement('option'), { value, textContent: label }));

  const [current, choices] = await Promise.all([printer.getPrinter(), printer.listPrinters()]);
  const saved = formFromSetting(current.setting);
  if (choices.ok) {
    for (const usb of choices.data.usb) option(usbList, usbValue(usb), `USB ${usbValue(usb)}`);
    for (const os of choices.data.os) option(osList, os.name, os.displayName || os.name);
  }
  // A saved printer that is unplugged now still shows, so saving again does not lose it.
  if (saved.usb && ![...usbList.options].some((o) => o.value === saved.usb))
    option(usbList, saved.usb, `USB ${saved.usb} (tidak terhubung / not connected)`);
  if (saved.os && ![...osList.options].some((o) => o.value === saved.os))
    option(osList, saved.os, `${saved.os} (tidak ada / not found)`);
  host.value = saved.host;
  port.value = saved.port;
  usbList.value = saved.usb;
  osList.value = saved.os;
  paper.value = saved.paperWidth;

  const kind = () => (radios.find((r) => r.checked)?.value ?? 'hub') as PrinterFormValues['kind'];
  const show = () => {
    for (const choice of ['network', 'usb', 'os'] as const)
      element(`printer-${choice}`).hidden = kind() !== choice;
    element<HTMLButtonElement>('printer-test').disabled = kind() === 'hub';
  };
  for (const radio of radios) {
    radio.checked = radio.value === saved.kind;
    radio.addEventListener('change', show);
  }
  show();
  element('printer-section').hidden = false;

  const values = (): PrinterFormValues => ({
    kind: kind(),
    host: host.value,
    port: port.value,
    usb: usbList.value,
    os: osList.value,
    paperWidth: paper.value,
  });

  element('printer-test').addEventListener('click', async () => {
    const check = settingFromForm(values());
    if (!check.ok) return tell(check.message, 'error');
    tell('Mencetak tiket uji... / Printing a test ticket...');
    const result = await printer.printTest(check.setting);
    if (!result.ok) return tell(explain(result), 'error');
    const { text, tone } = outcomeText(result.data);
    tell(text, tone);
  });

  element('printer-save').addEventListener('click', async () => {
    const check = settingFromForm(values());
    if (!check.ok) return tell(check.message, 'error');
    const result = await printer.savePrinter(check.setting);
    if (result.ok) tell(`Tersimpan / Saved: ${result.data.description}`, 'ok');
    else tell(explain(result), 'error');
  });
}

main().catch((error: unknown) => say(String(error), 'error'));
