/** The `*` after a required field's label, read as "required" by screen readers. */
export function RequiredMark({ required }: { required?: boolean }) {
  if (!required) return null;
  return (
    <>
      <span className="rf-required" aria-hidden="true">
        *
      </span>
      <span className="rf-sr-only"> (required)</span>
    </>
  );
}
