import type { ConnectionState } from '@pst/client';
import type { StringKey } from '@pst/shared';
import { useT } from './use-t';

/**
 * Said while the hub cannot be reached (the client reconnects by itself): a `banner` across the
 * screen where staff or a visitor must know before acting, a `mark` in the header of a screen that
 * only shows (lobby display, rating tablet between visits).
 */
export function OfflineNotice({
  connection,
  look = 'banner',
  message = 'app.offline',
  className = '',
}: {
  connection: ConnectionState;
  look?: 'banner' | 'mark';
  message?: StringKey;
  className?: string;
}) {
  const tr = useT();
  if (connection === 'online') return null;
  return (
    <div className={`offline-${look} ${className}`.trim()} role={look === 'banner' ? 'alert' : 'status'}>
      {tr(message)}
    </div>
  );
}
