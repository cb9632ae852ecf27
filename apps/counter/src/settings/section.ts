import type { SettingsView } from '@pst/shared';
import type { ComponentType } from 'react';

export interface SettingsSectionProps {
  /** The settings as the hub last sent them (settings:get, or the answer to a change). */
  settings: SettingsView;
}

/**
 * One section of the supervisor's settings page, in a file of its own: a form that checks nothing the
 * hub does not (the hub refuses, the notice says why). A new section is a new file exporting one of
 * these, and its line in SECTIONS (Settings.tsx).
 */
export interface SettingsSection {
  /** Stable and unique: the section's React key. */
  id: string;
  Component: ComponentType<SettingsSectionProps>;
  /**
   * The part of the settings the form starts its draft from: when the hub sends a different one (a
   * save here, or another supervisor's), the form starts again from it. Left out by a section that
   * keeps no draft.
   */
  draftOf?: (settings: SettingsView) => unknown;
}
