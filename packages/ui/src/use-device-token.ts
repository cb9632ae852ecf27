import { readDeviceToken, saveDeviceToken } from '@pst/client';
import type { DeviceRole } from '@pst/shared';
import { useCallback, useState } from 'react';

/**
 * The device's pairing token: from the pairing link (`#token=…`) or storage, and `pair` for one typed
 * on the pairing screen (kept for the next start).
 */
export function useDeviceToken(device: DeviceRole): { token: string | null; pair(token: string): void } {
  const [token, setToken] = useState(() => readDeviceToken(device));
  const pair = useCallback(
    (value: string) => {
      saveDeviceToken(device, value);
      setToken(value.trim());
    },
    [device],
  );
  return { token, pair };
}
