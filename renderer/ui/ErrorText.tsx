import { TextWithCode } from './TextWithCode';
import './dialog.css';
import type { DisplayError } from '../store/errors';

/** A call's failure inside a dialog: what happened and what to do. Never a stack. */
export function ErrorText({ error }: { error: DisplayError }) {
  return (
    <div className="merror" role="alert" data-code={error.code}>
      <p className="error-message">
        <TextWithCode text={error.message} />
      </p>
      {error.hint && (
        <p className="muted">
          <TextWithCode text={error.hint} />
        </p>
      )}
    </div>
  );
}
