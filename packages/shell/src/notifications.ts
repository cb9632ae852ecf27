import type { DesktopNotice } from './bridge';
import type { NotificationFactory, NotificationLike } from './electron-like';

export interface DesktopNotifierOptions {
  Notification: NotificationFactory;
  /** What a click on a notification does (the counter focuses its window). */
  onClick: () => void;
  log: (message: string) => void;
  /** How many tags are remembered; a day's tickets fit many times over. */
  rememberTags?: number;
}

export interface DesktopNotifier {
  /** Shows the notice unless one with the same tag was shown already; true when shown. */
  notify(notice: DesktopNotice): boolean;
}

/** Desktop notifications, at most once per tag (a ticket id). */
export function createDesktopNotifier(options: DesktopNotifierOptions): DesktopNotifier {
  const { Notification, onClick, log } = options;
  const rememberTags = options.rememberTags ?? 2000;
  const shownTags = new Set<string>();
  // Electron drops the click handler of a notification that was garbage-collected: keep each
  // one referenced until it is closed.
  const live = new Set<NotificationLike>();
  let supported: boolean | null = null;

  return {
    notify(notice) {
      if (shownTags.has(notice.tag)) return false;
      supported ??= Notification.isSupported();
      if (!supported) {
        log('desktop notifications are not supported on this system');
        return false;
      }
      shownTags.add(notice.tag);
      if (shownTags.size > rememberTags) {
        const oldest = shownTags.values().next().value;
        if (oldest !== undefined) shownTags.delete(oldest);
      }
      try {
        const notification = new Notification({ title: notice.title, body: notice.body });
        live.add(notification);
        notification.on('click', () => {
          live.delete(notification);
          onClick();
        });
        notification.on('close', () => live.delete(notification));
        notification.show();
        return true;
      } catch (error) {
        log(`notification not shown: ${(error as Error).message}`);
        return false;
      }
    },
  };
}
