import type { IconButtonProps } from '../rjsf-types';

/**
 * Text buttons for the places rjsf draws its own (our array and object templates draw
 * theirs): the title becomes the visible label, so every button has an accessible name.
 */
function TextButton(props: IconButtonProps & { text: string }) {
  const { text, className, registry: _registry, uiSchema: _uiSchema, ...rest } = props;
  const { iconType: _iconType, icon: _icon, title, ...buttonProps } = rest;
  return (
    <button type="button" {...buttonProps} className={`button button-quiet ${className ?? ''}`}>
      {title ?? text}
    </button>
  );
}

export const buttonTemplates = {
  AddButton: (props: IconButtonProps) => <TextButton {...props} text="Add" />,
  CopyButton: (props: IconButtonProps) => <TextButton {...props} text="Copy" />,
  MoveDownButton: (props: IconButtonProps) => <TextButton {...props} text="Move down" />,
  MoveUpButton: (props: IconButtonProps) => <TextButton {...props} text="Move up" />,
  RemoveButton: (props: IconButtonProps) => <TextButton {...props} text="Remove" />,
  ClearButton: (props: IconButtonProps) => <TextButton {...props} text="Clear" />,
  // The caller (or ResourceForm's own button) submits; rjsf's is never drawn.
  SubmitButton: () => null,
};
