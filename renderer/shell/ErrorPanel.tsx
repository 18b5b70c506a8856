import { useShallow } from 'zustand/react/shallow';
import { useShell } from '../store/context';
import { TextWithCode } from '../ui/TextWithCode';

/** A failed start: what happened, what to do, and a way to try again. Never a stack. */
export function ErrorPanel() {
  const { error, load } = useShell(
    useShallow((state) => ({ error: state.error, load: state.load })),
  );
  return (
    <section className="panel panel-error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title" className="panel-title">
        Cloudshelf could not load
      </h1>
      <p className="error-message">
        <TextWithCode text={error?.message ?? 'Something went wrong.'} />
      </p>
      {error?.hint ? (
        <p className="muted error-hint">
          <TextWithCode text={error.hint} />
        </p>
      ) : null}
      <div className="panel-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            void load();
          }}
        >
          Retry
        </button>
      </div>
    </section>
  );
}
