import { closeClients, startHub, type TestHub } from '@pst/hub/testing';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

/** What a browser test's block runs against: a real hub and Chromium. */
export interface Office {
  hub: TestHub;
  browser: Browser;
}

/**
 * A block's office: a real hub (startHub's `options`, serving the apps' built pages) and Chromium
 * (`launchArgs`, e.g. a fake microphone). A browser's clock runs: most blocks want `realTime: true`.
 */
export async function openOffice(
  options: Parameters<typeof startHub>[0] = {},
  launchArgs: string[] = [],
): Promise<Office> {
  const hub = await startHub({ appsDir: undefined, ...options });
  return { hub, browser: await launchBrowser(launchArgs) };
}

/**
 * After a block: every hub client closed, then the browser and the hub stopped. Pass the hub the
 * block runs now (a test may have restarted it); either may be missing when opening failed.
 */
export async function closeOffice({ hub, browser }: Partial<Office>): Promise<void> {
  closeClients();
  await browser?.close();
  await hub?.stop();
}

/**
 * Headless Chromium has no voices: a page with this init script records what it would say in
 * `window.__said`, each utterance "spoken" for `speakMs` (a voice takes time, so a call waits for the
 * one before it as on a real display).
 */
export function recordSpeech(speakMs: number): string {
  return `
  window.__said = [];
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
  const voice = { lang: 'id-ID', name: 'Indonesian', voiceURI: 'id', localService: true, default: true };
  Object.defineProperty(window, 'speechSynthesis', { value: {
    getVoices: () => [voice],
    speak: (u) => { window.__said.push(u.text); setTimeout(() => u.onend && u.onend(), ${speakMs}); },
    cancel: () => {},
  } });`;
}
