import { useId, useState } from 'react';
import { useBrowse } from '../store/browse-context';
import { useShell } from '../store/context';
import { heldReadOnly, safetyOf } from '../store/safety';
import { useSafety, useSafetyStore } from '../store/safety-context';
import { ErrorText } from '../ui/ErrorText';
import { useDialogStore } from './dialog-context';
import { Modal } from '../ui/Modal';
import './mutations.css';

/** The toolbar button that opens the chosen profile's safety settings. */
export function ProfileSettingsButton() {
  const profile = useShell((state) => state.profile);
  const ready = useBrowse((state) => state.ready);
  const dialogs = useDialogStore();
  if (profile === null || !ready) return null;
  return (
    <button
      type="button"
      className="button button-quiet toolbar-icon"
      title="Profile settings: read-only, production"
      onClick={() => {
        dialogs.getState().show({ kind: 'profile-settings', profile });
      }}
    >
      {/* Named by its text, not aria-label: "Profile" must keep naming the profile picker alone. */}
      <span aria-hidden="true">⚙</span>
      <span className="visually-hidden">Settings</span>
    </button>
  );
}

/**
 * Read-only and production marks for one profile, kept in Cloudshelf's settings (never in
 * the AWS files). Saved together, so a half-applied change never shows.
 */
export function ProfileSettingsDialog({
  profile,
  onClose,
}: {
  profile: string;
  onClose: () => void;
}) {
  const stored = useBrowse((state) => safetyOf(state.safety, profile));
  const saving = useSafety((state) => state.saving === profile);
  const error = useSafety((state) => state.error);
  // Held read-only because the flags could not be read: it starts ticked, so saving without
  // a look keeps it safe, and saving is what ends the hold.
  const held = useSafety((state) => heldReadOnly(state.review, profile));
  const safety = useSafetyStore();
  const [readOnly, setReadOnly] = useState(stored.readOnly || held);
  const [production, setProduction] = useState(stored.production);
  const ids = useId();

  const save = async () => {
    const saved = await safety.getState().setFlags(profile, { readOnly, production });
    if (saved) onClose();
  };

  return (
    <Modal
      kind="profile-settings"
      title={`Settings for ${profile}`}
      onClose={() => {
        safety.getState().clearError();
        onClose();
      }}
    >
      <form
        className="mdialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="muted">
          Kept by Cloudshelf, not in your AWS files; they apply in this app only.
        </p>
        {held && (
          <p role="note">
            <strong>
              Cloudshelf could not read its safety settings, so {profile} is read-only for now.
            </strong>{' '}
            Check both boxes below and save: {profile} then follows them again.
          </p>
        )}
        <div className="mcheck">
          <label className="mcheck-label">
            <input
              type="checkbox"
              checked={readOnly}
              aria-describedby={`${ids}-ro`}
              onChange={(event) => {
                setReadOnly(event.target.checked);
              }}
            />
            <span>Read-only</span>
          </label>
          <p id={`${ids}-ro`} className="muted mcheck-help">
            Cloudshelf refuses every create, update and delete, and hides their buttons.
          </p>
        </div>
        <div className="mcheck">
          <label className="mcheck-label">
            <input
              type="checkbox"
              checked={production}
              aria-describedby={`${ids}-prod`}
              onChange={(event) => {
                setProduction(event.target.checked);
              }}
            />
            <span>Production</span>
          </label>
          <p id={`${ids}-prod`} className="muted mcheck-help">
            A coloured banner marks it, and deleting asks you to type what you delete.
          </p>
        </div>
        {error && <ErrorText error={error} />}
        <div className="mdialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
