import { useProfileSafety } from '../store/safety-context';
import './mutations.css';

/** A coloured band under the toolbar while a production profile is chosen, hard to miss. */
export function ProductionBanner() {
  const { profile, production } = useProfileSafety();
  if (!production || profile === null) return null;
  return (
    <div className="banner banner-production" role="note" data-testid="production-banner">
      <span className="banner-icon" aria-hidden="true">
        ▲
      </span>
      <span className="banner-body">
        Production profile <strong>{profile}</strong> — changes affect production
      </span>
    </div>
  );
}
