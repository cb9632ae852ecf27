import type { StringKey } from '@pst/shared';
import { useState } from 'react';
import { useT } from './use-t';

/**
 * Shown by a kiosk, display or rating tablet that has no token (or a revoked one): staff paste the
 * token that `npx pst-hub device add` or the supervisor's settings gave. Opening the pairing link
 * itself skips this screen.
 */
export function PairingScreen({
  title,
  hint,
  onPair,
}: {
  title: StringKey;
  hint: StringKey;
  onPair: (token: string) => void;
}) {
  const tr = useT();
  const [value, setValue] = useState('');
  return (
    <main className="pairing">
      <h1>{tr(title)}</h1>
      <p>{tr(hint)}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim()) onPair(value.trim());
        }}
      >
        <label>
          {tr('kiosk.pairToken')}
          <input
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit">{tr('kiosk.pairButton')}</button>
      </form>
    </main>
  );
}
