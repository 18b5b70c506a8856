import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useShell } from '../store/context';

export function ProfilePicker() {
  const id = useId();
  const { appState, profiles, profile, selectProfile } = useShell(
    useShallow((state) => ({
      appState: state.appState,
      profiles: state.profiles,
      profile: state.profile,
      selectProfile: state.selectProfile,
    })),
  );
  const empty = profiles.length === 0;

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Profile
      </label>
      <select
        id={id}
        className="select"
        value={profile ?? ''}
        disabled={empty}
        onChange={(event) => {
          selectProfile(event.target.value);
        }}
      >
        {empty ? (
          <option value="">{appState === 'loading' ? 'Loading…' : 'No profiles'}</option>
        ) : null}
        {profiles.map((summary) => (
          <option key={summary.name} value={summary.name}>
            {summary.name}
          </option>
        ))}
      </select>
    </div>
  );
}
