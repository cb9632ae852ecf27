import { type Office, officeSchema } from '@pst/shared';
import { QueueRunner } from './runner';
import type { Store } from './storage/store';

/** The office details staff may edit (name, contacts, complaint channels, running text). */
export type OfficeDetails = Pick<
  Office,
  'name' | 'address' | 'phone' | 'email' | 'complaintChannels' | 'runningText'
>;

/**
 * Changes the office details from the command line, the way `settings:config` does from the
 * settings page: through the domain, so the change is in the event log and today's replay keeps it.
 * Meant for a stopped hub (a running one keeps its configuration in memory until its next start).
 */
export function setOfficeDetails(
  store: Store,
  change: Partial<OfficeDetails>,
  now: number,
  actor: string,
): Office {
  const runner = new QueueRunner(store, () => now);
  const current = runner.state.config;
  const office = officeSchema.parse({ ...current.office, ...change });
  const config = { ...current, office };
  runner.execute({ type: 'configure', config }, actor, () => store.setSetting('queue-config', config));
  return office;
}
