import { errorId } from '@rjsf/utils';
import { useErrorsVisible } from '../error-visibility';
import type { FieldErrorProps } from '../rjsf-types';

/** A field's errors, under it in the danger colour, once the field has been left or submitted. */
export function FieldErrorList({
  id,
  errors,
  isRoot = false,
}: {
  id: string;
  errors: readonly unknown[];
  isRoot?: boolean;
}) {
  const visible = useErrorsVisible(id, isRoot);
  const shown = visible ? errors.filter((e): e is string => typeof e === 'string' && e !== '') : [];
  if (shown.length === 0) return null;
  return (
    <ul id={errorId(id)} className="rf-errors">
      {shown.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

export function FieldErrorTemplate({ fieldPathId, errors = [] }: FieldErrorProps) {
  return (
    <FieldErrorList id={fieldPathId.$id} errors={errors} isRoot={fieldPathId.path.length === 0} />
  );
}
