import { useEffect, useRef, useState } from 'react';
import { useAccount } from '../store/account-context';

/** Asks for the MFA code an assume-role profile needs; the main process waits for it. */
export function MfaDialog() {
  const prompt = useAccount((state) => state.mfaPrompt);
  const error = useAccount((state) => state.mfaError);
  const answerMfa = useAccount((state) => state.answerMfa);
  const dismissMfa = useAccount((state) => state.dismissMfa);
  const dialog = useRef<HTMLDialogElement>(null);
  const [code, setCode] = useState('');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (prompt && !element.open) {
      setCode('');
      element.showModal();
    } else if (!prompt && element.open) {
      element.close();
    }
  }, [prompt]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="mfa-title"
      onCancel={() => {
        dismissMfa();
      }}
    >
      {prompt && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            void answerMfa(code.trim());
          }}
        >
          <h2 id="mfa-title" className="panel-title">
            MFA code for {prompt.profile}
          </h2>
          <p className="muted">
            AWS needs a code from the MFA device <code>{prompt.serialNumber}</code> to assume this
            profile&apos;s role.
          </p>
          <label className="field">
            <span className="field-label">MFA code</span>
            <input
              className="select"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              value={code}
              onChange={(event) => {
                setCode(event.target.value);
              }}
            />
          </label>
          {error && (
            <p className="error-message" role="alert">
              {error}
            </p>
          )}
          <div className="panel-actions">
            <button type="submit" className="button button-primary">
              Continue
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                dismissMfa();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
