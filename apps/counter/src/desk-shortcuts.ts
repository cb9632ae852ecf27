/**
 * The desk's keyboard shortcuts, in one table: the key handler, the hints on the buttons and the
 * list under them all read it. Plain letters only: no function key, and nothing with Ctrl, Alt or
 * Meta, so no browser or operating-system shortcut is taken (F5 reloads, Ctrl+N opens a window).
 * Keys are ignored while typing in a field, so notes and the guest book take every letter.
 */
import type { StringKey } from '@pst/shared';
import { useEffect } from 'react';
import type { DeskAction } from './desk-logic';
import type { DeskParkAction } from './desk-park-logic';

/** What a key does at the desk: a desk action, opening the choice of a ticket from the queue list, or hold and send (DeskPark.tsx). */
export type ShortcutAction = DeskAction | 'pickTicket' | DeskParkAction;

export interface DeskShortcut {
  action: ShortcutAction;
  /** The label of the action, for the hint line and the key shown on its button. */
  hint: StringKey;
}

/** The desk's keys (KeyboardEvent.key; letters in lower case) -> the action each runs. */
export const DESK_SHORTCUTS: Record<string, DeskShortcut> = {
  n: { action: 'callNext', hint: 'counter.callNext' },
  u: { action: 'recall', hint: 'counter.recall' },
  m: { action: 'start', hint: 'counter.start' },
  s: { action: 'finish', hint: 'counter.finish' },
  a: { action: 'noShow', hint: 'counter.noShow' },
  p: { action: 'pickTicket', hint: 'pick.shortcutAction' },
  // ---- hold and send to a desk (issue 20, part 2) ----
  t: { action: 'park', hint: 'park.park' },
  k: { action: 'sendToDesk', hint: 'send.toDesk' },
  b: { action: 'transferBack', hint: 'send.back' },
};

/** Closes whichever desk dialog is open. */
export const CLOSE_DIALOG_KEY = 'Escape';

/** The key shown on an action's button (upper case), if it has one. */
export function shortcutKeyOf(action: ShortcutAction): string | undefined {
  return Object.entries(DESK_SHORTCUTS)
    .find(([, s]) => s.action === action)?.[0]
    .toUpperCase();
}

/** Whether a key press is typing: in a field, or in editable text. */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  return !!element.closest('input, textarea, select') || element.isContentEditable === true;
}

/** The shortcut a key press asks for, or null: a plain letter of the table, not while typing. */
export function shortcutOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'target'>,
): DeskShortcut | null {
  if (event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return null;
  return DESK_SHORTCUTS[event.key.length === 1 ? event.key.toLowerCase() : event.key] ?? null;
}

/** Calls `onClose` when Escape is pressed while the dialog is shown (also from inside its fields). */
export function useCloseOnEscape(onClose: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== CLOSE_DIALOG_KEY) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
}
