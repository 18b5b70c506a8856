import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ConfigProblem, ProfileKind, ProfileSummary } from '../../../shared/contract';
import { TextWithCode } from '../../ui/TextWithCode';
import { useBrowse } from '../../store/browse-context';
import { useShell } from '../../store/context';
import { heldReadOnly } from '../../store/safety';
import { useSafety } from '../../store/safety-context';
import '../browse.css';

const kindLabels: Record<ProfileKind, string> = {
  sandbox: 'Sandbox',
  'static-keys': 'Keys',
  sso: 'SSO',
  'assume-role': 'Assume role',
  'credential-process': 'Process',
  'web-identity': 'Web identity',
  environment: 'Environment',
  unknown: 'Unknown',
};

const kindTitles: Record<ProfileKind, string> = {
  sandbox: 'The built-in sample account: nothing reaches AWS',
  'static-keys': 'Access keys from the AWS config or credentials file',
  sso: 'IAM Identity Center (SSO) sign-in',
  'assume-role': 'Assumes a role with the credentials of another profile',
  'credential-process': 'Credentials from an external command (credential_process)',
  'web-identity': 'A role assumed with a web identity token',
  environment: 'Credentials from environment variables',
  unknown: 'Cloudshelf cannot tell how this profile gets its credentials',
};

const sourceLabels: Record<ProfileSummary['source'], string> = {
  builtin: 'built-in sample account',
  config: 'from the config file',
  credentials: 'from the credentials file',
  'config+credentials': 'from config and credentials',
};

/** A profile's entry in the list; one a malformed line changes says so, with its line. */
export function profileOptionLabel(profile: ProfileSummary): string {
  const { problem } = profile;
  if (!problem) return profile.name;
  const file = problem.file.split(/[\\/]/).pop() ?? problem.file;
  const where = problem.line === undefined ? file : `${file} line ${String(problem.line)}`;
  return `${profile.name} — not usable: ${where}`;
}

/** Why the chosen profile is not used, and the line to fix; scans and changes are refused. */
export function UnusableProfileNotice({ problem }: { problem: ConfigProblem }) {
  const where = problem.line === undefined ? '' : `line ${String(problem.line)} of `;
  return (
    <p className="account-error" role="alert">
      Not usable until {where}
      <code>{problem.file}</code> is fixed: <TextWithCode text={problem.message} />
    </p>
  );
}

/** The profile to browse with, and what it is: default region, kind, where it came from, safety. */
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
  const details = useBrowse((state) => (profile === null ? undefined : state.details[profile]));
  const safety = useBrowse((state) => (profile === null ? undefined : state.safety[profile]));
  const held = useSafety((state) => heldReadOnly(state.review, profile));
  const summary = profiles.find((candidate) => candidate.name === profile) ?? null;
  const empty = profiles.length === 0;

  return (
    <div className="scope-profile">
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Profile
        </label>
        <select
          id={id}
          className="select select-profile"
          value={profile ?? ''}
          disabled={empty}
          onChange={(event) => {
            selectProfile(event.target.value);
          }}
        >
          {empty ? (
            <option value="">{appState === 'loading' ? 'Loading…' : 'No profiles'}</option>
          ) : null}
          {profiles.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {profileOptionLabel(candidate)}
            </option>
          ))}
        </select>
      </div>
      {summary && (
        <div className="profile-facts">
          <span className="chip" title="The profile's default region">
            {summary.region ?? 'no default region'}
          </span>
          {details && (
            <span className="badge" title={kindTitles[details.kind]}>
              {kindLabels[details.kind]}
            </span>
          )}
          <span className="muted profile-source">{sourceLabels[summary.source]}</span>
          {(safety?.readOnly === true || held) && (
            <span
              className="badge badge-guard"
              title="Cloudshelf refuses every create, update and delete with this profile"
            >
              Read-only
            </span>
          )}
          {safety?.production && (
            <span
              className="badge badge-production"
              title="Marked as production: destructive actions ask for typed confirmation"
            >
              Production
            </span>
          )}
        </div>
      )}
      {summary?.problem && <UnusableProfileNotice problem={summary.problem} />}
    </div>
  );
}
