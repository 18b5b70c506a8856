import { ADDITIONAL_PROPERTY_FLAG, descriptionId, getUiOptions } from '@rjsf/utils';
import { containerName } from '../field-names';
import type { FieldTemplateProps } from '../rjsf-types';
import { JSON_FIELD } from '../ui-schema';
import { FieldErrorList } from './FieldErrorTemplate';
import { RequiredMark } from './RequiredMark';
import { AdditionalEntry } from './WrapIfAdditionalTemplate';

/**
 * One field: label above the input (required ones marked), the description as small help
 * text, the input, its errors, then `ui:help`. Fields inside a compact row (a tag's Key and
 * Value, a map entry's value) keep their label for screen readers only, naming the row.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    fieldPathId,
    label,
    children,
    rawErrors = [],
    help,
    rawDescription,
    hidden,
    required,
    displayLabel,
    uiSchema,
    schema,
  } = props;
  if (hidden) return <div hidden>{children}</div>;
  const options = getUiOptions(uiSchema);
  const inMap = ADDITIONAL_PROPERTY_FLAG in schema;
  const inRow = options.inRow === true || inMap;
  // rjsf labels no objects itself, but a JSON-text field is one input and needs its label.
  const labelled = displayLabel === true || options.field === JSON_FIELD;
  const row = containerName(fieldPathId);
  const srLabel = inMap ? `${label} value` : row ? `${row} ${label}` : label;

  const field = (
    <div className={`rf-field${inRow ? ' rf-field-inrow' : ''}`}>
      {labelled && (
        <label htmlFor={id} className={inRow ? 'rf-sr-only' : 'rf-label'}>
          {inRow ? srLabel : label}
          <RequiredMark required={required} />
        </label>
      )}
      {labelled && !inRow && rawDescription && (
        <p id={descriptionId(id)} className="rf-description">
          {rawDescription}
        </p>
      )}
      {children}
      <FieldErrorList id={id} errors={rawErrors} isRoot={fieldPathId.path.length === 0} />
      {help}
    </div>
  );
  return inMap ? <AdditionalEntry {...props}>{field}</AdditionalEntry> : field;
}
