import { lazy, Suspense } from 'react';
import type { ResourceFormProps } from './ResourceForm';

export type { ResourceFormHandle, ResourceFormProps, FormView } from './ResourceForm';

// rjsf and the form's templates load on first use, in their own chunk.
const ResourceForm = lazy(() =>
  import('./ResourceForm').then((m) => ({ default: m.ResourceForm })),
);

/**
 * `ResourceForm`, loaded on demand so the main bundle doesn't carry rjsf. Shows
 * "Loading form…" meanwhile. Same props (including `formRef`, which is set once loaded).
 */
export function LazyResourceForm(props: ResourceFormProps) {
  return (
    <Suspense
      fallback={
        <p className="placeholder" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading form…
        </p>
      }
    >
      <ResourceForm {...props} />
    </Suspense>
  );
}
