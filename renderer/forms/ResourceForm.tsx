import {
  useEffect,
  useEffectEvent,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import Form, { type IChangeEvent } from '@rjsf/core';
import { toErrorSchema, type FormContextType, type RJSFSchema } from '@rjsf/utils';
import { EditorTabs, panelId, tabId, type EditorTab } from './EditorTabs';
import { ErrorVisibilityContext, type ErrorVisibility } from './error-visibility';
import { formFields } from './fields';
import { JsonEditor } from './JsonEditor';
import { pointerSegments } from './json-value';
import { pointerToProperty } from './messages';
import { usePressSafe } from './press-safe';
import {
  initialDataForUpdate,
  prepareSchema,
  type FormMode,
  type PreparedSchema,
} from './prepare-schema';
import { formTemplates } from './templates';
import {
  isDesiredState,
  validateDesiredState,
  type DesiredState,
  type FieldError,
} from './validate';
import { formValidator } from './validator/rjsf-validator';
import { ViewSwitch, type FormView } from './ViewSwitch';
import { formWidgets } from './widgets';
import './forms.css';

export type { FormView } from './ViewSwitch';

/** What a parent can do with a mounted form (through `formRef`). */
export interface ResourceFormHandle {
  /** Shows every error in the form and returns them all; empty when the data can be sent. */
  validate(): FieldError[];
  /**
   * Validates; when valid, calls `onSubmit` with the data. Otherwise shows every error,
   * switches to "All properties" if an error is in a hidden property, and focuses the
   * first invalid field.
   */
  submit(): void;
  /** The current DesiredState. */
  data(): DesiredState;
}

export interface ResourceFormProps {
  /** CloudFormation type name, e.g. `AWS::S3::Bucket` (labels and messages). */
  typeName: string;
  /** The type's CloudFormation resource schema, as the registry returns it (JSON text). */
  schemaJson: string;
  /** Create a resource, or edit an existing one (create-only fields read-only). */
  mode: FormMode;
  /**
   * Starting data, read when the form mounts (remount it, e.g. with a `key`, to start over).
   * In update mode, the resource's current properties: the form drops read-only and
   * write-only values itself (`initialDataForUpdate`), so write-only values are never
   * pre-filled.
   */
  initial?: DesiredState;
  /** First "Show" choice. Default: "Required only" when creating a type that has required properties. */
  initialView?: FormView;
  /** Every change (and the initial data), with all current errors (empty when sendable). */
  onChange?: (data: DesiredState, errors: FieldError[]) => void;
  /** A submit with no errors (from `formRef.submit()` or the submit button). */
  onSubmit?: (data: DesiredState) => void;
  formRef?: Ref<ResourceFormHandle>;
  /** Text of a submit button under the form; without one the parent submits via `formRef`. */
  submitLabel?: string;
  /** Everything read-only, e.g. while a request is in flight. */
  disabled?: boolean;
}

function prepareFull(schemaJson: string, mode: FormMode): PreparedSchema | { error: string } {
  try {
    return prepareSchema(schemaJson, { mode, requiredOnly: false });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The create/update form for one CloudFormation resource type, built from its schema:
 * required properties first and marked, a "Required only / All properties" switch, and a
 * JSON tab kept in sync with the form. Errors appear when a field is left and on submit.
 */
export function ResourceForm(props: ResourceFormProps) {
  const { schemaJson, mode, typeName } = props;
  const full = useMemo(() => prepareFull(schemaJson, mode), [schemaJson, mode]);
  if ('error' in full) {
    return (
      <div className="rf rf-failed" role="alert">
        {`The schema for ${typeName} couldn’t be read: ${full.error}`}
      </div>
    );
  }
  return <FormBody {...props} full={full} />;
}

/** Where an error sits at the top level: its first path segment ('' for the resource). */
function topLevel(error: FieldError): string {
  return pointerSegments(error.path)[0] ?? '';
}

function FormBody({
  typeName,
  schemaJson,
  mode,
  initial,
  initialView,
  onChange,
  onSubmit,
  formRef,
  submitLabel,
  disabled,
  full,
}: ResourceFormProps & { full: PreparedSchema }) {
  const ids = useId();
  // rjsf builds element ids from this; keep it to characters valid in CSS selectors.
  const idPrefix = `rf${ids.replace(/[^A-Za-z0-9]/g, '')}`;
  const bodyRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<FormView>(
    initialView ?? (mode === 'create' && full.required.length > 0 ? 'required' : 'all'),
  );
  const [tab, setTab] = useState<EditorTab>('form');
  const [data, setData] = useState<DesiredState>(() =>
    mode === 'update' ? initialDataForUpdate(full, initial ?? {}) : { ...initial },
  );
  const [visibility, setVisibility] = useState<ErrorVisibility>({
    showAll: false,
    touched: new Set(),
  });
  const [focusRequest, setFocusRequest] = useState(0);
  const shown = useMemo(
    () => (view === 'all' ? full : prepareSchema(schemaJson, { mode, requiredOnly: true })),
    [view, full, schemaJson, mode],
  );

  // Always against every property: a hidden optional value must still be valid.
  const errors = useMemo(() => validateDesiredState(full, data), [full, data]);
  const errorSchema = useMemo(
    () =>
      toErrorSchema<unknown>(
        errors.map((e) => ({ property: pointerToProperty(e.path), message: e.message, stack: '' })),
      ),
    [errors],
  );

  const notify = useEffectEvent((next: DesiredState, nextErrors: FieldError[]) => {
    onChange?.(next, nextErrors);
  });
  useEffect(() => {
    notify(data, errors);
  }, [data, errors]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
  }, [focusRequest]);

  const showAllErrors = () => {
    setVisibility((v) => (v.showAll ? v : { ...v, showAll: true }));
    // Errors outside the required fields (or about the resource as a whole, such as "set
    // exactly one of A or B") need the other properties on screen.
    const shownNames = new Set(full.required);
    if (view === 'required' && errors.some((e) => !shownNames.has(topLevel(e)))) setView('all');
  };

  const submit = () => {
    if (errors.length === 0) {
      onSubmit?.(data);
      return;
    }
    showAllErrors();
    setFocusRequest((n) => n + 1);
  };

  // Rebuilt each render (no deps), so the handle always sees the current data and errors.
  useImperativeHandle(formRef, () => ({
    validate: () => {
      showAllErrors();
      return errors;
    },
    submit,
    data: () => data,
  }));

  const afterPress = usePressSafe();
  const touch = (id: string) => {
    afterPress(() => {
      setVisibility((v) => (v.touched.has(id) ? v : { ...v, touched: new Set(v.touched).add(id) }));
    });
  };

  const onFormChange = (event: IChangeEvent<unknown, RJSFSchema, FormContextType>) => {
    if (isDesiredState(event.formData)) setData(event.formData);
  };

  const noneRequired = view === 'required' && full.required.length === 0;
  return (
    <div className="rf" aria-label={`${typeName} properties`} role="group">
      <div className="rf-toolbar">
        <EditorTabs ids={ids} tab={tab} onTab={setTab} />
        {tab === 'form' && <ViewSwitch view={view} onView={setView} />}
      </div>
      <div
        ref={bodyRef}
        role="tabpanel"
        id={panelId(ids, 'form')}
        aria-labelledby={tabId(ids, 'form')}
        hidden={tab !== 'form'}
        className="rf-panel"
      >
        {noneRequired && (
          <p className="rf-help">{`${typeName} has no required properties: choose All properties to set some.`}</p>
        )}
        <ErrorVisibilityContext.Provider value={visibility}>
          <Form<unknown, RJSFSchema, FormContextType>
            tagName="div"
            className="rf-form"
            idPrefix={idPrefix}
            schema={shown.renderSchema}
            uiSchema={shown.uiSchema}
            validator={formValidator}
            formData={data}
            extraErrors={errorSchema}
            showErrorList={false}
            disabled={disabled}
            templates={formTemplates}
            widgets={formWidgets}
            fields={formFields}
            experimental_defaultFormStateBehavior={{
              emptyObjectFields: 'populateRequiredDefaults',
              arrayMinItems: { populate: 'requiredOnly' },
            }}
            onChange={onFormChange}
            onBlur={touch}
          />
        </ErrorVisibilityContext.Provider>
      </div>
      {tab === 'json' && (
        <div
          role="tabpanel"
          id={panelId(ids, 'json')}
          aria-labelledby={tabId(ids, 'json')}
          className="rf-panel"
        >
          <JsonEditor data={data} errors={errors} readOnly={disabled} onData={setData} />
        </div>
      )}
      {submitLabel !== undefined && (
        <div className="rf-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={disabled}
            onClick={submit}
          >
            {submitLabel}
          </button>
        </div>
      )}
    </div>
  );
}
