import { useState } from 'react';
import { ariaDescribedByIds } from '@rjsf/utils';
import { useErrorsVisible } from '../error-visibility';
import type { FieldProps } from '../rjsf-types';

function toText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function acceptsText(type: unknown): boolean {
  return type === 'string' || (Array.isArray(type) && type.includes('string'));
}

/**
 * Free-form values (policy documents, `["object", "string"]` unions, untyped nodes) edited as
 * JSON text. Text that doesn't parse keeps the last good value and says so; where the schema
 * also allows a string, unparseable text is taken as that string.
 */
export function JsonValueField(props: FieldProps) {
  const {
    fieldPathId,
    formData,
    schema,
    onChange,
    onBlur,
    disabled,
    readonly,
    rawErrors = [],
  } = props;
  const id = fieldPathId.$id;
  const [draft, setDraft] = useState<{ text: string; error?: string } | null>(null);
  const invalid = useErrorsVisible(id) && rawErrors.length > 0;
  const text = draft?.text ?? toText(formData);

  const edit = (next: string) => {
    if (next.trim() === '') {
      setDraft({ text: next });
      onChange(undefined, fieldPathId.path);
      return;
    }
    try {
      const value: unknown = JSON.parse(next);
      setDraft({ text: next });
      onChange(value, fieldPathId.path);
    } catch (e) {
      if (acceptsText(schema.type)) {
        setDraft({ text: next });
        onChange(next, fieldPathId.path);
      } else {
        setDraft({ text: next, error: `Not valid JSON: ${(e as Error).message}` });
      }
    }
  };

  return (
    <>
      <textarea
        id={id}
        className="rf-input rf-json"
        rows={Math.min(12, Math.max(3, text.split('\n').length))}
        spellCheck={false}
        value={text}
        placeholder="JSON"
        readOnly={readonly}
        disabled={disabled}
        aria-invalid={invalid || draft?.error !== undefined || undefined}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(event) => {
          edit(event.target.value);
        }}
        onBlur={() => {
          // Reformat what parsed; keep text that didn't, so it can be fixed.
          if (draft && draft.error === undefined) setDraft(null);
          onBlur(id, formData);
        }}
      />
      {draft?.error !== undefined && (
        <p className="rf-errors" role="alert">
          {draft.error}
        </p>
      )}
    </>
  );
}
