import { useShell } from '../store/context';

const sourceLabels = {
  builtin: 'built-in sample account',
  config: 'from the config file',
  credentials: 'from the credentials file',
  'config+credentials': 'from config and credentials',
} as const;

/** What the chosen profile brings: its default region and where it was found. */
export function ProfileRegion() {
  const summary = useShell(
    (state) => state.profiles.find((profile) => profile.name === state.profile) ?? null,
  );
  if (!summary) return null;
  return (
    <div className="profile-facts">
      <span className="chip" title="The profile's default region">
        {summary.region ?? 'no default region'}
      </span>
      <span className="muted">{sourceLabels[summary.source]}</span>
    </div>
  );
}
