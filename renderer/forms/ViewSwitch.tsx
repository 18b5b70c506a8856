import { useId, type KeyboardEvent } from 'react';

/** Which properties the form shows. */
export type FormView = 'required' | 'all';

const VIEWS: readonly { id: FormView; label: string }[] = [
  { id: 'required', label: 'Required only' },
  { id: 'all', label: 'All properties' },
];

/**
 * "Show: Required only | All properties", a segmented control: a radiogroup of two
 * buttons with one tab stop, arrow keys moving the choice (as native radios do).
 */
export function ViewSwitch({ view, onView }: { view: FormView; onView: (view: FormView) => void }) {
  const ids = useId();
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
    event.preventDefault();
    const next: FormView = view === 'required' ? 'all' : 'required';
    onView(next);
    document.getElementById(`${ids}-${next}`)?.focus();
  };
  return (
    <div className="rf-segmented" role="radiogroup" aria-labelledby={`${ids}-label`}>
      <span id={`${ids}-label`} className="rf-segmented-label">
        Show
      </span>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="radio"
          id={`${ids}-${v.id}`}
          aria-checked={view === v.id}
          tabIndex={view === v.id ? 0 : -1}
          className="rf-segment"
          onClick={() => {
            onView(v.id);
          }}
          onKeyDown={onKey}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
