import type { ConnectionState } from '@pst/client';
import { useT } from './use-t';

/**
 * Said while the hub cannot be reached (the client reconnects by itself): a `banner` across the
 * screen where staff or a visitor must know before acting, a `mark` in the header of a screen that
 * only shows (lobby display, rating tablet between visits). One wording on every screen: the
 * visitor at the kiosk and the one watching the lobby TV read the same words.
 */
export function OfflineNotice({
  connection,
  look = 'banner',
  className = '',
}: {
  connection: ConnectionState;
  look?: 'banner' | 'mark';
  className?: string;
}) {
  const tr = useT();
  if (connection === 'online') return null;
  return (
    <div className={`offline-${look} ${className}`.trim()} role={look === 'banner' ? 'alert' : 'status'}>
      {tr('app.offline')}
    </div>
  );
}
