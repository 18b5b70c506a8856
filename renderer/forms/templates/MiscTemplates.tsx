import { ID_KEY } from '@rjsf/utils';
import type {
  CyclicSchemaExpandProps,
  MultiSchemaFieldTemplateProps,
  OptionalDataControlsTemplateProps,
  UnsupportedFieldProps,
} from '../rjsf-types';

/** A oneOf/anyOf: the "which form" select, then the chosen form's fields. */
export function MultiSchemaFieldTemplate({
  selector,
  optionSchemaField,
}: MultiSchemaFieldTemplateProps) {
  return (
    <div className="rf-choice">
      {selector}
      {optionSchemaField}
    </div>
  );
}

/**
 * Add/Remove for an optional object, beside its title. The button is named by its text and
 * the group title ("Add BucketEncryption").
 */
export function OptionalDataControlsTemplate(props: OptionalDataControlsTemplateProps) {
  const { id, onAddClick, onRemoveClick } = props;
  const title = `${id.replace(/__optional(Add|Remove|Msg)$/, '')}__title`;
  if (!onAddClick && !onRemoveClick) {
    return (
      <span id={id} className="rf-muted">
        {' '}
        (not set)
      </span>
    );
  }
  return (
    <button
      type="button"
      id={id}
      className="button button-quiet rf-optional-toggle"
      aria-labelledby={`${id} ${title}`}
      onClick={onAddClick ?? onRemoveClick}
    >
      {onAddClick ? 'Add' : 'Remove'}
    </button>
  );
}

/** Schemas rjsf cannot render; the JSON tab still edits them. */
export function UnsupportedFieldTemplate({ fieldPathId }: UnsupportedFieldProps) {
  return (
    <p id={fieldPathId[ID_KEY]} className="rf-help">
      This value can only be edited in the JSON tab.
    </p>
  );
}

/** A recursive schema (e.g. WAF rule statements) is expanded one level per click. */
export function CyclicSchemaExpandTemplate({
  name,
  fieldPathId,
  onExpand,
}: CyclicSchemaExpandProps) {
  const id = fieldPathId[ID_KEY];
  return (
    <button
      type="button"
      id={`${id}-button`}
      className="button rf-add"
      onClick={() => {
        onExpand(id);
      }}
    >
      {`Show ${name}`}
    </button>
  );
}
