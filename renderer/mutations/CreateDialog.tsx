import { useEffect, useId, useRef, useState } from 'react';
import type { TypeDetails } from '../../shared/contract';
import { LazyResourceForm, type ResourceFormHandle } from '../forms/LazyResourceForm';
import type { DesiredState } from '../forms/validate';
import { useBrowse } from '../store/browse-context';
import { toDisplayError, type DisplayError } from '../store/errors';
import { useRequestsStore } from '../store/requests-context';
import { safetyOf } from '../store/safety';
import { cliProfileFor } from './equivalents';
import { Modal } from '../ui/Modal';
import { typeNoun } from './resource-label';
import { ReviewFooter } from './ReviewFooter';
import { ReviewPanel } from './ReviewPanel';

interface CreateDialogProps {
  profile: string;
  type: TypeDetails;
  /** The regions chosen in the toolbar; the resource goes to one of them. */
  regions: string[];
  onClose: () => void;
}

/**
 * Create in two steps: the schema's form (with the region), then a review of exactly what
 * will be sent. The form stays mounted behind the review, so Back keeps every value.
 */
export function CreateDialog({ profile, type, regions, onClose }: CreateDialogProps) {
  const ids = useId();
  const requests = useRequestsStore();
  const form = useRef<ResourceFormHandle>(null);
  const production = useBrowse((state) => safetyOf(state.safety, profile).production);
  const details = useBrowse((state) => state.details[profile]);
  const [region, setRegion] = useState(regions[0] ?? '');
  const [review, setReview] = useState<DesiredState | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<DisplayError | null>(null);
  const reviewing = review !== null;
  const reviewRef = useRef<HTMLDivElement>(null);
  const regionRef = useRef<HTMLSelectElement>(null);
  const stepped = useRef(false);

  // The button that moved between steps is gone: focus the start of the step shown.
  useEffect(() => {
    if (!stepped.current) {
      stepped.current = true;
      return;
    }
    (reviewing ? reviewRef.current : regionRef.current)?.focus();
  }, [reviewing]);

  const cliProfile = cliProfileFor(profile, details);

  const send = async (desiredState: DesiredState) => {
    setSending(true);
    setError(null);
    try {
      await requests.getState().create({
        profile,
        region,
        typeName: type.typeName,
        desiredState,
      });
      // Its progress is followed in the operations panel, in view from now on.
      requests.getState().setPanelOpen(true);
      onClose();
    } catch (caught) {
      setError(toDisplayError(caught));
      setSending(false);
    }
  };

  return (
    <Modal kind="create" size="large" title={`Create ${typeNoun(type.typeName)}`} onClose={onClose}>
      <div className="mdialog-body">
        <div hidden={review !== null} className="mstep">
          <div className="mfield">
            <label className="mfield-label" htmlFor={`${ids}-region`}>
              Region
            </label>
            <select
              ref={regionRef}
              id={`${ids}-region`}
              className="select"
              value={region}
              onChange={(event) => {
                setRegion(event.target.value);
              }}
            >
              {regions.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </div>
          <LazyResourceForm
            typeName={type.typeName}
            schemaJson={type.schema}
            mode="create"
            formRef={form}
            disabled={sending}
            onSubmit={(data) => {
              setError(null);
              setReview(data);
            }}
          />
        </div>
        {review && (
          <div ref={reviewRef} tabIndex={-1} className="mreview-focus">
            <ReviewPanel
              typeName={type.typeName}
              profile={cliProfile}
              production={production}
              region={region}
              desiredState={review}
              permissions={type.permissions.create ?? null}
            />
          </div>
        )}
      </div>
      <ReviewFooter
        error={error}
        onSend={review ? () => void send(review) : null}
        sending={sending}
        reviewLabel="Review"
        onReview={() => {
          form.current?.submit();
        }}
        onBack={() => {
          setReview(null);
          setError(null);
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}
