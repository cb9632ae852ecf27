import type { Role } from '@pst/shared';
import { useT } from '@pst/ui';

/** A role picker that names each role in the screen's language, for staff accounts and devices alike. */
export function RoleSelect<R extends Role>({
  roles,
  value,
  onChange,
}: {
  roles: readonly R[];
  value: R;
  onChange: (role: R) => void;
}) {
  const tr = useT();
  return (
    <label>
      {tr('set.role')}
      <select value={value} onChange={(e) => onChange(e.target.value as R)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {tr(`role.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
