import type { ReactNode } from 'react';
import { ADDITIONAL_PROPERTY_FLAG } from '@rjsf/utils';
import { itemTitle } from '../field-names';
import type { FieldTemplateProps, WrapIfAdditionalTemplateProps } from '../rjsf-types';

/**
 * One entry of a map (`additionalProperties`, e.g. `{ "team": "data" }` tags): the key
 * input, the value field and a Remove button, on one row. The key is renamed on blur.
 */
export function AdditionalEntry(props: FieldTemplateProps & { children: ReactNode }) {
  const {
    id,
    fieldPathId,
    label,
    children,
    onKeyRenameBlur,
    onRemoveProperty,
    disabled,
    readonly,
  } = props;
  const map = fieldPathId.path.at(-2);
  const mapName = typeof map === 'string' ? map : itemTitle(fieldPathId, 'Map');
  return (
    <div className="rf-row">
      <div className="rf-field rf-field-inrow">
        <label htmlFor={`${id}-key`} className="rf-sr-only">
          {`${mapName} key`}
        </label>
        <input
          key={label}
          id={`${id}-key`}
          className="rf-input"
          type="text"
          placeholder="Key"
          defaultValue={label}
          readOnly={readonly}
          disabled={disabled}
          onBlur={onKeyRenameBlur}
        />
      </div>
      {children}
      <button
        type="button"
        className="button button-quiet rf-remove"
        disabled={disabled || readonly}
        onClick={onRemoveProperty}
      >
        Remove<span className="rf-sr-only">{` ${mapName} entry ${label}`}</span>
      </button>
    </div>
  );
}

/** Registered for rjsf's own callers; our FieldTemplate renders `AdditionalEntry` itself. */
export function WrapIfAdditionalTemplate(props: WrapIfAdditionalTemplateProps) {
  const { schema, children, classNames } = props;
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) return <div className={classNames}>{children}</div>;
  return <div className={`rf-row ${classNames ?? ''}`}>{children}</div>;
}
