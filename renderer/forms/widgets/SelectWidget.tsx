import type { ChangeEvent } from 'react';
import {
  ariaDescribedByIds,
  enumOptionSelectedValue,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  getOptionValueFormat,
} from '@rjsf/utils';
import { useErrorsVisible } from '../error-visibility';
import { valueText } from '../field-names';
import type { WidgetProps } from '../rjsf-types';

/**
 * Enums as a native select. An optional one starts with "Not set" (so it can be cleared); a
 * required one with a "Choose…" prompt until something is picked. Read-only selects are
 * disabled, as HTML has no read-only select.
 */
export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, options, required, disabled, readonly, autofocus, schema } = props;
  const value: unknown = props.value;
  const { onChange, onBlur, onFocus, rawErrors = [] } = props;
  const { enumOptions = [], enumDisabled } = options;
  const emptyValue: unknown = options.emptyValue;
  const format = getOptionValueFormat(options);
  const invalid = useErrorsVisible(id) && rawErrors.length > 0;
  const selected: unknown = enumOptionSelectedValue(value, enumOptions, false, format, '');
  const decode = (raw: string): unknown =>
    enumOptionValueDecoder(raw, enumOptions, format, emptyValue);
  const defaultLabel =
    schema.default === undefined ? '' : ` (default: ${valueText(schema.default)})`;
  return (
    <select
      id={id}
      name={htmlName ?? id}
      className="rf-input rf-select"
      value={typeof selected === 'string' ? selected : ''}
      disabled={disabled || readonly}
      autoFocus={autofocus}
      aria-invalid={invalid || undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(event: ChangeEvent<HTMLSelectElement>) => {
        onChange(decode(event.target.value));
      }}
      onBlur={(event) => {
        onBlur(id, decode(event.target.value));
      }}
      onFocus={(event) => {
        onFocus(id, decode(event.target.value));
      }}
    >
      <option value="" disabled={required && selected !== ''}>
        {required ? 'Choose…' : `Not set${defaultLabel}`}
      </option>
      {enumOptions.map((option, i) => (
        <option
          key={String(i)}
          value={enumOptionValueEncoder(option.value, i, format)}
          disabled={enumDisabled?.includes(option.value as string | number | boolean)}
        >
          {option.label}
        </option>
      ))}
    </select>
  );
}
