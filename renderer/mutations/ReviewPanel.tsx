import { useId, useMemo } from 'react';
import { awsCliCreate, stackqlInsert, type CliProfile } from './equivalents';
import { useClipboard } from '../ui/useClipboard';

interface ReviewPanelProps {
  typeName: string;
  profile: CliProfile;
  production: boolean;
  region: string;
  desiredState: Record<string, unknown>;
  /** The IAM actions the type's create handler needs; null when the schema lists none. */
  permissions: readonly string[] | null;
}

/**
 * Everything a create will do, before it is sent: the DesiredState, where and as whom, the
 * IAM permissions it needs, and the same request as StackQL and AWS CLI to copy.
 */
export function ReviewPanel({
  typeName,
  profile,
  production,
  region,
  desiredState,
  permissions,
}: ReviewPanelProps) {
  const ids = useId();
  const [copied, copy] = useClipboard('Select the text below and press Ctrl+C (⌘C on a Mac).');
  const json = useMemo(() => JSON.stringify(desiredState, null, 2), [desiredState]);
  const sql = useMemo(
    () => stackqlInsert(typeName, region, desiredState),
    [typeName, region, desiredState],
  );
  const cli = useMemo(
    () => awsCliCreate(typeName, region, desiredState, profile),
    [typeName, region, desiredState, profile],
  );

  return (
    <div className="mreview" data-testid="review">
      <dl className="mreview-facts">
        <dt>Type</dt>
        <dd>
          <code>{typeName}</code>
        </dd>
        <dt>Profile</dt>
        <dd>
          {profile.name}
          {production && <strong className="ops-code"> · production</strong>}
        </dd>
        <dt>Region</dt>
        <dd>
          <code>{region}</code>
        </dd>
      </dl>

      <section className="mreview-section" aria-labelledby={`${ids}-state`}>
        <h3 id={`${ids}-state`} className="mreview-heading">
          DesiredState
        </h3>
        <pre className="mcode" tabIndex={0} aria-labelledby={`${ids}-state`}>
          {json}
        </pre>
      </section>

      <section className="mreview-section" aria-labelledby={`${ids}-perms`}>
        <h3 id={`${ids}-perms`} className="mreview-heading">
          IAM permissions the create handler needs
        </h3>
        {permissions && permissions.length > 0 ? (
          <ul className="mperms" aria-labelledby={`${ids}-perms`}>
            {permissions.map((permission) => (
              <li key={permission}>{permission}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">The type’s schema lists none.</p>
        )}
      </section>

      <section className="mreview-section" aria-labelledby={`${ids}-sql`}>
        <div className="mreview-head">
          <h3 id={`${ids}-sql`} className="mreview-heading">
            StackQL
          </h3>
          <button type="button" className="button" onClick={() => void copy(sql, 'StackQL')}>
            Copy StackQL
          </button>
        </div>
        <pre className="mcode" tabIndex={0} aria-labelledby={`${ids}-sql`} data-testid="stackql">
          {sql}
        </pre>
      </section>

      <section className="mreview-section" aria-labelledby={`${ids}-cli`}>
        <div className="mreview-head">
          <h3 id={`${ids}-cli`} className="mreview-heading">
            AWS CLI
          </h3>
          <button
            type="button"
            className="button"
            onClick={() => void copy(cli, 'AWS CLI command')}
          >
            Copy AWS CLI
          </button>
        </div>
        <pre className="mcode" tabIndex={0} aria-labelledby={`${ids}-cli`} data-testid="aws-cli">
          {cli}
        </pre>
      </section>
      <p role="status" className={`mcopy-status${copied && !copied.ok ? ' is-error' : ''}`}>
        {copied?.message}
      </p>
    </div>
  );
}
