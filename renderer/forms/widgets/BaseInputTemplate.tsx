import type { ChangeEvent, FocusEvent } from 'react';
import { ariaDescribedByIds, getInputProps } from '@rjsf/utils';
import { useErrorsVisible } from '../error-visibility';
import { valueText } from '../field-names';
import type { BaseInputTemplateProps } from '../rjsf-types';

/** Text and number inputs. A default value shows as the placeholder, not as data. */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    placeholder,
    rawErrors = [],
  } = props;
  const invalid = useErrorsVisible(id) && rawErrors.length > 0;
  const type: unknown = props.type;
  const inputProps = getInputProps(schema, typeof type === 'string' ? type : undefined, options);
  const shown: unknown = props.value ?? '';
  const fallback =
    schema.default === undefined ? undefined : `Default: ${valueText(schema.default)}`;
  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    onChange(text === '' ? options.emptyValue : text);
  };
  return (
    <input
      id={id}
      name={htmlName ?? id}
      className="rf-input"
      {...inputProps}
      value={typeof shown === 'string' || typeof shown === 'number' ? shown : valueText(shown)}
      placeholder={placeholder || fallback}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      aria-invalid={invalid || undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={onChangeOverride ?? handleChange}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        onBlur(id, event.target.value);
      }}
      onFocus={(event: FocusEvent<HTMLInputElement>) => {
        onFocus(id, event.target.value);
      }}
    />
  );
}
