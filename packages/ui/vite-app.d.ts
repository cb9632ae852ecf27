import type { Plugin } from 'vite';
import type { UserConfig } from 'vitest/config';

export function pstPageHead(title: string, viewport: 'screen' | 'touch'): Plugin;
export function appViteConfig(
  app: string,
  title: string,
  options?: { viewport?: 'screen' | 'touch'; api?: boolean },
): UserConfig;
