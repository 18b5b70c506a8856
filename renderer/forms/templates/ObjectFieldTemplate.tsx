import { canExpand, descriptionId, getUiOptions, isFormDataAvailable, titleId } from '@rjsf/utils';
import { itemTitle } from '../field-names';
import type { ObjectFieldTemplateProps } from '../rjsf-types';
import { RequiredMark } from './RequiredMark';

/**
 * A nested object as a titled group; an optional one shows only its title and an Add
 * button until it has data. The resource itself (the root) is a plain list of fields, and a
 * tag-shaped `{ Key, Value }` object is one compact row.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const {
    title,
    description,
    properties,
    required,
    fieldPathId,
    schema,
    uiSchema,
    formData,
    onAddProperty,
    disabled,
    readonly,
    optionalDataControl,
  } = props;
  const fields = properties.map((p) => p.content);
  const name = itemTitle(fieldPathId, title);
  // An optional object without data shows only its title and the Add control.
  const collapsed = optionalDataControl !== undefined && !isFormDataAvailable(formData);
  const addButton = !collapsed && canExpand(schema, uiSchema, formData) === true && (
    <button
      type="button"
      className="button rf-add"
      disabled={disabled || readonly}
      onClick={onAddProperty}
    >
      {`Add ${name} entry`}
    </button>
  );

  if (getUiOptions(uiSchema).layout === 'keyValue') {
    return <div className="rf-row">{fields}</div>;
  }
  if (fieldPathId.path.length === 0) {
    return (
      <div className="rf-root">
        {fields}
        {addButton}
      </div>
    );
  }
  const describedBy = description ? descriptionId(fieldPathId) : undefined;
  return (
    <fieldset
      className={collapsed ? 'rf-group rf-group-collapsed' : 'rf-group'}
      id={fieldPathId.$id}
      aria-describedby={describedBy}
    >
      <legend className="rf-legend">
        <span id={titleId(fieldPathId)}>{name}</span>
        <RequiredMark required={required} />
        {optionalDataControl}
      </legend>
      {description && (
        <p id={describedBy} className="rf-description">
          {description}
        </p>
      )}
      {fields.length > 0 && <div className="rf-group-body">{fields}</div>}
      {addButton}
    </fieldset>
  );
}
