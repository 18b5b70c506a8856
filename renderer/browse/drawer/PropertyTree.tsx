import { useState } from 'react';

/** Branches this shallow start open; deeper ones start closed so big resources stay readable. */
const OPEN_DEPTH = 2;
/** Children drawn before a "Show all" button, so a 5,000-item list does not stall the drawer. */
const FIRST_CHILDREN = 100;

type Branch = Record<string, unknown> | unknown[];

const isBranch = (value: unknown): value is Branch => typeof value === 'object' && value !== null;

const entriesOf = (value: Branch): [string, unknown][] =>
  Array.isArray(value) ? value.map((item, i) => [`[${i}]`, item]) : Object.entries(value);

function summary(value: Branch): string {
  const n = Array.isArray(value) ? value.length : Object.keys(value).length;
  if (Array.isArray(value)) return `${n} ${n === 1 ? 'item' : 'items'}`;
  return `${n} ${n === 1 ? 'property' : 'properties'}`;
}

/**
 * A resource's properties as a readable tree: AWS's property names as keys, nested objects
 * and arrays as native disclosure widgets (keyboard-operable), long strings wrapped.
 */
export function PropertyTree({ properties }: { properties: Record<string, unknown> }) {
  if (Object.keys(properties).length === 0) {
    return <p className="muted ptree-empty">No properties were read for this resource.</p>;
  }
  return (
    <div className="ptree">
      <Entries value={properties} depth={0} />
    </div>
  );
}

function Entries({ value, depth }: { value: Branch; depth: number }) {
  const [all, setAll] = useState(false);
  const entries = entriesOf(value);
  const drawn = all ? entries : entries.slice(0, FIRST_CHILDREN);
  return (
    <ul className="ptree-list">
      {drawn.map(([key, child]) => (
        <li key={key} className="ptree-item">
          {isBranch(child) && entriesOf(child).length > 0 ? (
            <details className="ptree-branch" open={depth < OPEN_DEPTH}>
              <summary>
                <span className="ptree-key">{key}</span>
                <span className="ptree-summary">{summary(child)}</span>
              </summary>
              <Entries value={child} depth={depth + 1} />
            </details>
          ) : (
            <div className="ptree-leaf">
              <span className="ptree-key">{key}</span>
              <Leaf value={child} />
            </div>
          )}
        </li>
      ))}
      {drawn.length < entries.length && (
        <li className="ptree-item">
          <button
            type="button"
            className="button button-quiet ptree-more"
            onClick={() => {
              setAll(true);
            }}
          >
            Show all {entries.length}
          </button>
        </li>
      )}
    </ul>
  );
}

function Leaf({ value }: { value: unknown }) {
  if (value === null || value === undefined)
    return <span className="ptree-value is-null">null</span>;
  if (Array.isArray(value)) return <span className="ptree-value is-null">[] (empty)</span>;
  if (typeof value === 'object') return <span className="ptree-value is-null">{'{}'} (empty)</span>;
  if (typeof value === 'string') return <span className="ptree-value is-string">{value}</span>;
  if (typeof value === 'number' || typeof value === 'bigint') {
    return <span className="ptree-value is-number">{value.toString()}</span>;
  }
  if (typeof value === 'boolean')
    return <span className="ptree-value is-boolean">{String(value)}</span>;
  return <span className="ptree-value">{JSON.stringify(value)}</span>;
}
