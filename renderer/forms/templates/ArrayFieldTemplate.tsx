import { descriptionId, titleId } from '@rjsf/utils';
import { itemTitle } from '../field-names';
import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps } from '../rjsf-types';
import { RequiredMark } from './RequiredMark';

/** A list: titled group, its items, and an "Add <name> item" button. */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, fieldPathId, required, schema, disabled, readonly } =
    props;
  const name = itemTitle(fieldPathId, title);
  const description = schema.description;
  const describedBy = description ? descriptionId(fieldPathId) : undefined;
  return (
    <fieldset className="rf-group" id={fieldPathId.$id} aria-describedby={describedBy}>
      <legend className="rf-legend">
        <span id={titleId(fieldPathId)}>{name}</span>
        <RequiredMark required={required} />
      </legend>
      {description && (
        <p id={describedBy} className="rf-description">
          {description}
        </p>
      )}
      {items.length > 0 && <div className="rf-group-body">{items}</div>}
      {canAdd && (
        <button
          type="button"
          className="button rf-add"
          disabled={disabled || readonly}
          onClick={onAddClick}
        >
          {`Add ${name} item`}
        </button>
      )}
    </fieldset>
  );
}

/** One list item with its Remove button ("Remove Tags item 2" to screen readers). */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, index } = props;
  const { hasRemove, onRemoveItem, disabled, readonly, fieldPathId } = buttonsProps;
  const list = fieldPathId.path.at(-2);
  const listName = typeof list === 'string' ? list : 'List';
  return (
    <div className="rf-item">
      <div className="rf-item-body">{children}</div>
      {hasRemove && (
        <button
          type="button"
          className="button button-quiet rf-remove"
          disabled={disabled || readonly}
          onClick={onRemoveItem}
        >
          Remove<span className="rf-sr-only">{` ${listName} item ${index + 1}`}</span>
        </button>
      )}
    </div>
  );
}
