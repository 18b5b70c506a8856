export function LoadingState() {
  return (
    <div className="placeholder" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="muted">Connecting to Cloudshelf…</span>
    </div>
  );
}
