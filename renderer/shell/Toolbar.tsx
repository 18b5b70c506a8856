import { ProfilePicker } from '../browse/controls/ProfilePicker';
import { RegionPicker } from '../browse/controls/RegionPicker';
import { TypePicker } from '../browse/controls/TypePicker';
import { CreateButton } from '../mutations/CreateButton';
import { ProfileSettingsButton } from '../mutations/ProfileSettingsDialog';
import { AccountBadge } from './AccountBadge';

/** The Browse scope: profile, regions and resource type; the account on demand. */
export function Toolbar() {
  return (
    <div className="toolbar" role="toolbar" aria-label="Scope">
      <ProfilePicker />
      <span className="toolbar-divider" aria-hidden="true" />
      <RegionPicker />
      <TypePicker />
      <CreateButton />
      <div className="toolbar-end">
        <AccountBadge />
        <ProfileSettingsButton />
      </div>
    </div>
  );
}
