import { useEffect, useMemo, useRef, useState } from 'react';
import type { InventoryRow, JsonPatchOperation, TypeDetails } from '../../shared/contract';
import { LazyResourceForm, type ResourceFormHandle } from '../forms/LazyResourceForm';
import { initialDataForUpdate, prepareSchema } from '../forms/prepare-schema';
import { useBrowse } from '../store/browse-context';
import { toDisplayError, type DisplayError } from '../store/errors';
import { useRequestsStore } from '../store/requests-context';
import { safetyOf } from '../store/safety';
import { Modal } from '../ui/Modal';
import { patchFor } from '../store/patch';
import { resourceName } from './resource-label';
import { ReviewFooter } from './ReviewFooter';

interface UpdateDialogProps {
  profile: string;
  type: TypeDetails;
  row: InventoryRow;
  onClose: () => void;
}

/** The data the form starts from, so the patch is exactly what the form changed. */
function startingData(type: TypeDetails, row: InventoryRow): Record<string, unknown> {
  try {
    const prepared = prepareSchema(type.schema, { mode: 'update', requiredOnly: false });
    return initialDataForUpdate(prepared, row.properties);
  } catch {
    // The form says the schema is unreadable; nothing can be reviewed then anyway.
    return row.properties;
  }
}

/**
 * Edit a resource in the same form as create (create-only properties read-only, write-only
 * ones empty), then review the RFC 6902 patch of only what changed before sending it.
 */
export function UpdateDialog({ profile, type, row, onClose }: UpdateDialogProps) {
  const requests = useRequestsStore();
  const form = useRef<ResourceFormHandle>(null);
  const production = useBrowse((state) => safetyOf(state.safety, profile).production);
  const initial = useMemo(() => startingData(type, row), [type, row]);
  const [patch, setPatch] = useState<JsonPatchOperation[] | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<DisplayError | null>(null);
  const reviewing = patch !== null;
  const reviewRef = useRef<HTMLDivElement>(null);
  const primaryRef = useRef<HTMLButtonElement>(null);
  const stepped = useRef(false);
  const name = resourceName(row);

  // The button that moved between steps is gone: focus the start of the step shown.
  useEffect(() => {
    if (!stepped.current) {
      stepped.current = true;
      return;
    }
    (reviewing ? reviewRef.current : primaryRef.current)?.focus();
  }, [reviewing]);

  const send = async (operations: JsonPatchOperation[]) => {
    setSending(true);
    setError(null);
    try {
      await requests.getState().update({
        profile,
        region: row.region,
        typeName: type.typeName,
        identifier: row.identifier,
        patch: operations,
      });
      requests.getState().setPanelOpen(true);
      onClose();
    } catch (caught) {
      setError(toDisplayError(caught));
      setSending(false);
    }
  };

  return (
    <Modal kind="update" size="large" title={`Edit ${name}`} onClose={onClose}>
      <div className="mdialog-body">
        <p className="muted">
          <code>{row.identifier}</code> in {row.region}, with profile {profile}
        </p>
        <div hidden={reviewing} className="mstep">
          <LazyResourceForm
            typeName={type.typeName}
            schemaJson={type.schema}
            mode="update"
            initial={row.properties}
            formRef={form}
            disabled={sending}
            onSubmit={(data) => {
              setError(null);
              setPatch(patchFor(initial, data));
            }}
          />
        </div>
        {patch && (
          <div ref={reviewRef} tabIndex={-1} className="mreview mreview-focus">
            <h3 className="mreview-heading">Changes to send (RFC 6902 JSON Patch)</h3>
            {production && <p className="mnote">Profile {profile} is marked production.</p>}
            {patch.length === 0 ? (
              <p className="muted" data-testid="patch">
                Nothing has changed: there is no patch to send.
              </p>
            ) : (
              <pre className="mcode" tabIndex={0} data-testid="patch">
                {JSON.stringify(patch, null, 2)}
              </pre>
            )}
          </div>
        )}
      </div>
      <ReviewFooter
        error={error}
        onSend={patch ? () => void send(patch) : null}
        sending={sending}
        canSend={patch !== null && patch.length > 0}
        reviewLabel="Review changes"
        onReview={() => {
          form.current?.submit();
        }}
        onBack={() => {
          setPatch(null);
          setError(null);
        }}
        onCancel={onClose}
        primaryRef={primaryRef}
      />
    </Modal>
  );
}
