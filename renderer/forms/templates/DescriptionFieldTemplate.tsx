import type { DescriptionFieldProps, TitleFieldProps } from '../rjsf-types';
import { RequiredMark } from './RequiredMark';

/** A schema `description`, shown as help text under the label. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (description === '') return null;
  return (
    <p id={id} className="rf-description">
      {description}
    </p>
  );
}

/** A group title, for the places rjsf renders one itself. */
export function TitleFieldTemplate({ id, title, required, optionalDataControl }: TitleFieldProps) {
  return (
    <div id={id} className="rf-legend">
      {title}
      <RequiredMark required={required} />
      {optionalDataControl}
    </div>
  );
}
