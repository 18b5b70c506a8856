import { ariaDescribedByIds, descriptionId } from '@rjsf/utils';
import { RequiredMark } from '../templates/RequiredMark';
import { valueText } from '../field-names';
import type { WidgetProps } from '../rjsf-types';

/**
 * Booleans as a checkbox with the property name beside it (rjsf gives booleans no label of
 * their own). An unset one shows the schema's default in its help text, since an unchecked
 * box cannot tell "false" from "not set".
 */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, autofocus, label, required, schema } = props;
  const value: unknown = props.value;
  const { onChange, onBlur, onFocus, hideLabel } = props;
  const description = schema.description;
  const unset = value === undefined && schema.default !== undefined;
  return (
    <div className="rf-checkbox-field">
      <label className="rf-checkbox">
        <input
          type="checkbox"
          id={id}
          name={htmlName ?? id}
          checked={value === true}
          disabled={disabled || readonly}
          autoFocus={autofocus}
          aria-describedby={ariaDescribedByIds(id)}
          onChange={(event) => {
            onChange(event.target.checked);
          }}
          onBlur={(event) => {
            onBlur(id, event.target.checked);
          }}
          onFocus={(event) => {
            onFocus(id, event.target.checked);
          }}
        />
        <span className={hideLabel ? 'rf-sr-only' : undefined}>
          {label}
          <RequiredMark required={required} />
        </span>
      </label>
      {(description || unset) && !hideLabel && (
        <p id={descriptionId(id)} className="rf-description">
          {description}
          {unset && ` Not set (default: ${valueText(schema.default)}).`}
        </p>
      )}
    </div>
  );
}
