import { helpId } from '@rjsf/utils';
import type { FieldHelpProps } from '../rjsf-types';

/** `ui:help` text (e.g. why a field is read-only), small and muted. */
export function FieldHelpTemplate({ fieldPathId, help }: FieldHelpProps) {
  if (help === undefined || help === '') return null;
  return (
    <p id={helpId(fieldPathId)} className="rf-help">
      {help}
    </p>
  );
}
