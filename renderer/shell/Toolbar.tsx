import { AccountBadge } from './AccountBadge';
import { ProfilePicker } from './ProfilePicker';
import { ProfileRegion } from './ProfileRegion';

/** Scope controls: profile now; regions and resource types join it here. */
export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Scope">
      <ProfilePicker />
      <ProfileRegion />
      <AccountBadge />
    </div>
  );
}
