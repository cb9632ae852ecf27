/**
 * The first-run page, bundled to setup.js and loaded from disk (no hub yet). It talks to main only
 * through the preload bridge; main checks every input again.
 */
import type { ShellBridge, ShellErrorCode, ShellResult } from '../bridge';

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

  element('test').addEventListener('click', async () => {
    say('Menghubungi server... / Contacting the hub...');
    const result = await shell.testHub(address.value);
    if (result.ok) say(`Terhubung / Connected: ${result.data.hubUrl} (${result.data.status})`, 'ok');
    else say(explain(result), 'error');
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (pin.value !== '' && !/^\d{4,8}$/.test(pin.value)) {
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

main().catch((error: unknown) => say(String(error), 'error'));
