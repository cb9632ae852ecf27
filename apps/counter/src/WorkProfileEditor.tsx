import type { Desk, Service, WorkProfile } from '@pst/shared';
import { useT } from '@pst/ui';

/**
 * A desk's work profile in the desks table of Settings (issue 20): fixed order, or a ratio with a
 * weight per service. The rule itself is queue-core's work-profile.ts; the hub validates what is saved.
 */
export function WorkProfileEditor({
  desk,
  services,
  onChange,
}: {
  desk: Desk;
  services: Service[];
  onChange: (profile: WorkProfile) => void;
}) {
  const tr = useT();
  const profile = desk.profile ?? { kind: 'order' };
  const served = services.filter((s) => desk.services.includes(s.id));
  const weightOf = (id: string) => (profile.kind === 'ratio' ? (profile.weights[id] ?? 1) : 1);
  const total = served.reduce((sum, s) => sum + weightOf(s.id), 0);
  if (desk.kind !== 'service' || served.length < 2) return null;
  return (
    <div className="work-profile" data-testid={`work-profile-${desk.id}`}>
      <label>
        {tr('profile.title')}
        <select
          aria-label={`${tr('profile.title')} ${desk.name}`}
          value={profile.kind}
          onChange={(e) =>
            onChange(
              e.target.value === 'ratio'
                ? { kind: 'ratio', weights: Object.fromEntries(served.map((s) => [s.id, 1])) }
                : { kind: 'order' },
            )
          }
        >
          <option value="order">{tr('profile.order')}</option>
          <option value="ratio">{tr('profile.ratio')}</option>
        </select>
      </label>
      {profile.kind === 'ratio' &&
        served.map((s) => (
          <label key={s.id} className="inline">
            {tr('profile.weight', { service: s.name })}
            <input
              type="number"
              min={1}
              max={10}
              value={weightOf(s.id)}
              onChange={(e) =>
                onChange({
                  kind: 'ratio',
                  weights: {
                    ...profile.weights,
                    [s.id]: Math.min(10, Math.max(1, Number(e.target.value) || 1)),
                  },
                })
              }
            />
          </label>
        ))}
      <small className="muted">
        {profile.kind === 'ratio' ? tr('profile.ratioHint', { w: total }) : tr('profile.orderHint')}{' '}
        {tr('profile.priorityHint')}
      </small>
    </div>
  );
}

/** A desk's services changed: a ratio keeps weights only for the services it still serves. */
export function withServices(desk: Desk, services: string[]): Partial<Desk> {
  if (desk.profile?.kind !== 'ratio') return { services };
  const weights = Object.fromEntries(
    Object.entries(desk.profile.weights).filter(([id]) => services.includes(id)),
  );
  return { services, profile: { kind: 'ratio', weights } };
}
