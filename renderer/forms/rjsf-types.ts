/**
 * rjsf's generic prop types, fixed to this form's parameters: data of any JSON shape
 * (`unknown`: a field's data is whatever sits at its path), draft-07 schemas, no form context.
 */
import type * as R from '@rjsf/utils';

type T = unknown;
type S = R.RJSFSchema;
type F = R.FormContextType;

export type ArrayFieldItemTemplateProps = R.ArrayFieldItemTemplateProps<T, S, F>;
export type ArrayFieldTemplateProps = R.ArrayFieldTemplateProps<T, S, F>;
export type BaseInputTemplateProps = R.BaseInputTemplateProps<T, S, F>;
export type CyclicSchemaExpandProps = R.CyclicSchemaExpandProps<T, S, F>;
export type DescriptionFieldProps = R.DescriptionFieldProps<T, S, F>;
export type FieldErrorProps = R.FieldErrorProps<T, S, F>;
export type FieldHelpProps = R.FieldHelpProps<T, S, F>;
export type FieldProps = R.FieldProps<T, S, F>;
export type FieldTemplateProps = R.FieldTemplateProps<T, S, F>;
export type IconButtonProps = R.IconButtonProps<T, S, F>;
export type MultiSchemaFieldTemplateProps = R.MultiSchemaFieldTemplateProps<T, S, F>;
export type ObjectFieldTemplateProps = R.ObjectFieldTemplateProps<T, S, F>;
export type OptionalDataControlsTemplateProps = R.OptionalDataControlsTemplateProps<T, S, F>;
export type RegistryFieldsType = R.RegistryFieldsType<T, S, F>;
export type RegistryWidgetsType = R.RegistryWidgetsType<T, S, F>;
export type TemplatesType = R.TemplatesType<T, S, F>;
export type TitleFieldProps = R.TitleFieldProps<T, S, F>;
export type UnsupportedFieldProps = R.UnsupportedFieldProps<T, S, F>;
export type WidgetProps = R.WidgetProps<T, S, F>;
export type WrapIfAdditionalTemplateProps = R.WrapIfAdditionalTemplateProps<T, S, F>;
