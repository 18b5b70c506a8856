import type { TemplatesType } from '../rjsf-types';
import { ArrayFieldItemTemplate, ArrayFieldTemplate } from './ArrayFieldTemplate';
import { buttonTemplates } from './ButtonTemplates';
import { DescriptionFieldTemplate, TitleFieldTemplate } from './DescriptionFieldTemplate';
import { FieldErrorTemplate } from './FieldErrorTemplate';
import { FieldHelpTemplate } from './FieldHelpTemplate';
import { FieldTemplate } from './FieldTemplate';
import {
  CyclicSchemaExpandTemplate,
  MultiSchemaFieldTemplate,
  OptionalDataControlsTemplate,
  UnsupportedFieldTemplate,
} from './MiscTemplates';
import { ObjectFieldTemplate } from './ObjectFieldTemplate';
import { WrapIfAdditionalTemplate } from './WrapIfAdditionalTemplate';
import { BaseInputTemplate } from '../widgets/BaseInputTemplate';

/** Our templates, replacing rjsf's Bootstrap-flavoured defaults. */
export const formTemplates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> & {
  ButtonTemplates: Partial<TemplatesType['ButtonTemplates']>;
} = {
  ArrayFieldItemTemplate,
  ArrayFieldTemplate,
  BaseInputTemplate,
  CyclicSchemaExpandTemplate,
  DescriptionFieldTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  FieldTemplate,
  MultiSchemaFieldTemplate,
  ObjectFieldTemplate,
  OptionalDataControlsTemplate,
  TitleFieldTemplate,
  UnsupportedFieldTemplate,
  WrapIfAdditionalTemplate,
  ButtonTemplates: buttonTemplates,
};
