import type { SafetyReview } from '../../shared/contract';
import { useDialogStore } from '../mutations/dialog-context';
import { useShell } from '../store/context';
import { heldReadOnly } from '../store/safety';
import { useSafety } from '../store/safety-context';

/**
 * While the safety flags could not be read and the chosen profile is held read-only: what
 * happened, where the file went, and the way out (its ⚙ Settings, saved).
 */
export function SafetyReviewBanner() {
  const profile = useShell((state) => state.profile);
  const review = useSafety((state) => state.review);
  const dialogs = useDialogStore();
  if (review === null || profile === null || !heldReadOnly(review, profile)) return null;
  return (
    <SafetyReviewNotice
      review={review}
      profile={profile}
      onReview={() => {
        dialogs.getState().show({ kind: 'profile-settings', profile });
      }}
    />
  );
}

export function SafetyReviewNotice({
  review,
  profile,
  onReview,
}: {
  review: SafetyReview;
  profile: string;
  onReview: () => void;
}) {
  return (
    <div className="banner banner-warning" role="alert" data-testid="safety-review-banner">
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-body">
        <strong>
          Cloudshelf could not read its safety settings: every profile except Sandbox is read-only
        </strong>
        <p>
          <code>{review.file}</code> ({review.reason}).{' '}
          {review.keptAs === null ? (
            'It was left as it is. Fix or move it, then restart Cloudshelf.'
          ) : (
            <>
              The file as it was is kept as <code>{review.keptAs}</code>.
            </>
          )}{' '}
          Open ⚙ Settings for {profile}, check Read-only and Production, and save them to make
          changes with {profile} again.
        </p>
      </div>
      <button type="button" className="button" onClick={onReview}>
        Review settings for {profile}
      </button>
    </div>
  );
}
