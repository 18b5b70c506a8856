import type { RegistryWidgetsType } from '../rjsf-types';
import { CheckboxWidget } from './CheckboxWidget';
import { SelectWidget } from './SelectWidget';

/** Widgets replacing rjsf's defaults (text and number inputs go through BaseInputTemplate). */
export const formWidgets: RegistryWidgetsType = {
  CheckboxWidget,
  SelectWidget,
};
