import type { RegistryFieldsType } from '../rjsf-types';
import { JSON_FIELD } from '../ui-schema';
import { JsonValueField } from './JsonValueField';
import { ObjectFieldWithLazyRefs } from './ObjectFieldWithLazyRefs';

/** Fields replacing or added to rjsf's (`json` is chosen by `ui:field`). */
export const formFields: RegistryFieldsType = {
  ObjectField: ObjectFieldWithLazyRefs,
  [JSON_FIELD]: JsonValueField,
};
