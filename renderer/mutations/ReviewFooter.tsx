import type { Ref } from 'react';
import type { DisplayError } from '../store/errors';
import { ErrorText } from '../ui/ErrorText';

interface ReviewFooterProps {
  error: DisplayError | null;
  /** Sends what is under review; null while the form is shown (the primary button reviews). */
  onSend: (() => void) | null;
  sending: boolean;
  /** False when the review holds nothing to send (an update that changed nothing). */
  canSend?: boolean;
  /** The primary button's name on the form step, e.g. "Review" or "Review changes". */
  reviewLabel: string;
  onReview: () => void;
  onBack: () => void;
  onCancel: () => void;
  /** The primary button, for focus when the steps change. */
  primaryRef?: Ref<HTMLButtonElement>;
}

/**
 * The footer of a two-step (form, then review) dialog: the call's error, then Back (on the
 * review), Cancel and the primary button, which reviews on the form and sends on the review.
 */
export function ReviewFooter({
  error,
  onSend,
  sending,
  canSend = true,
  reviewLabel,
  onReview,
  onBack,
  onCancel,
  primaryRef,
}: ReviewFooterProps) {
  return (
    <div className="mdialog-footer">
      {error && <ErrorText error={error} />}
      <div className="mdialog-actions">
        {onSend && (
          <button type="button" className="button mdialog-back" disabled={sending} onClick={onBack}>
            Back
          </button>
        )}
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {onSend ? (
          <button
            ref={primaryRef}
            type="button"
            className="button button-primary"
            disabled={sending || !canSend}
            onClick={onSend}
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
        ) : (
          <button
            ref={primaryRef}
            type="button"
            className="button button-primary"
            onClick={onReview}
          >
            {reviewLabel}
          </button>
        )}
      </div>
    </div>
  );
}
