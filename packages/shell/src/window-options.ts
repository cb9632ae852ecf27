import type { BrowserWindowConstructorOptions } from 'electron';
import { type AppKind, KIND_ARGUMENT } from './bridge';
import type { DisplayLike, Rectangle } from './electron-like';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload script. */
  preload: string;
  /** `app.isPackaged`: an installed app has no developer tools. */
  isPackaged: boolean;
  /** The screen the window opens on (kiosk and display fill it). */
  display: DisplayLike;
  /** The counter's remembered bounds, already checked to be on a screen (`visibleBounds`). */
  bounds?: Rectangle | undefined;
}

export const COUNTER_MIN_SIZE = { width: 1024, height: 640 } as const;
const COUNTER_DEFAULT_SIZE = { width: 1280, height: 800 } as const;
// The renderers are dark on the lobby screens; painting the window the same colour avoids a white
// flash between start and first paint.
const BACKGROUND = '#0b1f3a';

function webPreferences(
  kind: AppKind,
  input: WindowOptionsInput,
): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: input.preload,
    contextIsolation: true,
    nodeIntegration: false,
    sandbox: true,
    webSecurity: true,
    devTools: !input.isPackaged,
    spellcheck: false,
    // The sandboxed preload cannot read files; this is how it learns which app it serves.
    additionalArguments: [`${KIND_ARGUMENT}${kind}`],
    // The lobby screen speaks and chimes without anyone touching it. The command-line switch set
    // in startShell covers the whole app; this keeps the window right even if that switch changes.
    ...(kind === 'display' ? { autoplayPolicy: 'no-user-gesture-required' as const } : {}),
  };
}

export function kioskWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.display.bounds,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: BACKGROUND,
    title: 'Kiosk Antrian PST',
    webPreferences: webPreferences('kiosk', input),
  };
}

/** Full screen on the chosen display's bounds. Hiding the cursor is the renderer's job (CSS). */
export function displayWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    ...input.display.bounds,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: BACKGROUND,
    title: 'Layar Antrian PST',
    webPreferences: webPreferences('display', input),
  };
}

export function counterWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const { workArea } = input.display;
  const size = input.bounds ?? {
    width: Math.min(COUNTER_DEFAULT_SIZE.width, workArea.width),
    height: Math.min(COUNTER_DEFAULT_SIZE.height, workArea.height),
  };
  return {
    ...size,
    minWidth: COUNTER_MIN_SIZE.width,
    minHeight: COUNTER_MIN_SIZE.height,
    // Without remembered bounds Electron centres the window on the primary display.
    ...(input.bounds ? {} : { center: true }),
    autoHideMenuBar: true,
    title: 'Meja Layanan PST',
    webPreferences: webPreferences('counter', input),
  };
}

export function windowOptions(kind: AppKind, input: WindowOptionsInput): BrowserWindowConstructorOptions {
  switch (kind) {
    case 'kiosk':
      return kioskWindowOptions(input);
    case 'display':
      return displayWindowOptions(input);
    case 'counter':
      return counterWindowOptions(input);
  }
}

/** The configured display if it is still connected, else the primary one. */
export function chooseDisplay(
  displays: readonly DisplayLike[],
  primary: DisplayLike,
  displayId: number | undefined,
): DisplayLike {
  return displays.find((display) => display.id === displayId) ?? primary;
}

/**
 * Remembered bounds, clamped onto a screen that is still connected: the one the window overlaps
 * most, or the nearest one when it overlaps none (a monitor was unplugged, or the resolution
 * shrank). A window restored off-screen looks like a crash. The size is raised to the minimum
 * and cut down to the screen's work area; the window is then moved until it fits inside it.
 */
export function visibleBounds(
  bounds: Rectangle | undefined,
  displays: readonly DisplayLike[],
): Rectangle | undefined {
  if (!bounds) return undefined;
  const target = nearestDisplay(bounds, displays);
  if (!target) return undefined;
  const area = target.workArea;
  const width = Math.min(Math.max(bounds.width, COUNTER_MIN_SIZE.width), area.width);
  const height = Math.min(Math.max(bounds.height, COUNTER_MIN_SIZE.height), area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function nearestDisplay(bounds: Rectangle, displays: readonly DisplayLike[]): DisplayLike | undefined {
  let best: { display: DisplayLike; overlap: number; distance: number } | undefined;
  const centre = { x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 };
  for (const display of displays) {
    const candidate = {
      display,
      overlap: overlap(bounds, display.workArea),
      distance: distanceTo(centre, display.workArea),
    };
    if (
      !best ||
      candidate.overlap > best.overlap ||
      (candidate.overlap === best.overlap && candidate.distance < best.distance)
    )
      best = candidate;
  }
  return best?.display;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

function distanceTo(point: { x: number; y: number }, area: Rectangle): number {
  const dx = Math.max(area.x - point.x, 0, point.x - (area.x + area.width));
  const dy = Math.max(area.y - point.y, 0, point.y - (area.y + area.height));
  return Math.hypot(dx, dy);
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
