import { useId, useState } from 'react';
import { pointerSegments } from './json-value';
import type { DesiredState, FieldError } from './validate';
import { isDesiredState } from './validate';

function pathText(path: string): string {
  const segments = pointerSegments(path);
  return segments.length === 0 ? 'Resource' : segments.join(' › ');
}

/**
 * The DesiredState as JSON text, for pasting one in. Text that parses to an object replaces
 * the form's data at once; anything else shows why and leaves the data alone.
 */
export function JsonEditor({
  data,
  errors,
  readOnly,
  onData,
}: {
  data: DesiredState;
  errors: readonly FieldError[];
  readOnly?: boolean;
  onData: (data: DesiredState) => void;
}) {
  const ids = useId();
  // What the person typed, until it is reformatted on blur.
  const [draft, setDraft] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const text = draft ?? JSON.stringify(data, null, 2);

  const edit = (next: string) => {
    setDraft(next);
    try {
      const value: unknown = JSON.parse(next);
      if (!isDesiredState(value)) {
        setParseError('A DesiredState is a JSON object: { "Property": value, … }.');
        return;
      }
      setParseError(null);
      onData(value);
    } catch (e) {
      setParseError(`Not valid JSON: ${(e as Error).message}`);
    }
  };

  const describedBy = [parseError ? `${ids}-parse` : '', errors.length > 0 ? `${ids}-errors` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="rf-json-editor">
      <label htmlFor={`${ids}-text`} className="rf-label">
        DesiredState JSON
      </label>
      <textarea
        id={`${ids}-text`}
        className="rf-input rf-json rf-json-document"
        spellCheck={false}
        value={text}
        readOnly={readOnly}
        aria-invalid={parseError !== null || undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          edit(event.target.value);
        }}
        onBlur={() => {
          if (parseError === null) setDraft(null);
        }}
      />
      {parseError !== null && (
        <p id={`${ids}-parse`} className="rf-errors">
          {parseError} The form keeps its last valid data.
        </p>
      )}
      {parseError === null && errors.length > 0 && (
        <ul id={`${ids}-errors`} className="rf-errors rf-error-list" aria-label="Problems">
          {errors.map((e) => (
            <li key={`${e.path}\u0000${e.message}`}>
              <span className="rf-error-path">{pathText(e.path)}</span> {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
