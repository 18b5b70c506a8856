import { useShell } from '../store/context';
import { useAccount } from '../store/account-context';
import { TextWithCode } from '../ui/TextWithCode';

/**
 * The account behind the chosen profile, looked up only when asked: the lookup may need an
 * MFA code or a fresh SSO sign-in, which should not happen just because a profile was picked.
 */
export function AccountBadge() {
  const profile = useShell((state) => state.profile);
  const entry = useAccount((state) => (profile === null ? undefined : state.accounts[profile]));
  const lookUp = useAccount((state) => state.lookUp);
  if (profile === null) return null;

  if (entry?.status === 'known') {
    return (
      <span className="chip" data-testid="account-id" title="The AWS account behind this profile">
        {entry.account}
      </span>
    );
  }
  return (
    <div className="account-badge">
      <button
        type="button"
        className="button button-quiet"
        disabled={entry?.status === 'loading'}
        onClick={() => void lookUp(profile)}
      >
        {entry?.status === 'loading' ? 'Checking account…' : 'Show account'}
      </button>
      {entry?.status === 'failed' && (
        <span className="account-error" role="alert">
          <TextWithCode text={entry.error.message} />
          {entry.error.hint && (
            <>
              {' '}
              <TextWithCode text={entry.error.hint} />
            </>
          )}
        </span>
      )}
    </div>
  );
}
