import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { InventoryRow } from '../../../shared/contract';
import { ResourceActions } from '../../mutations/ResourceActions';
import { useInventory } from '../../store/inventory-context';
import { useTableView, useTableViewStore } from '../../store/table-view-context';
import { focusGrid } from '../../ui/dom-ids';
import { arnOf, consoleUrl } from './console-links';
import { PropertyTree } from './PropertyTree';
import { useClipboard } from '../../ui/useClipboard';
import './drawer.css';

type Tab = 'properties' | 'json';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'properties', label: 'Properties' },
  { id: 'json', label: 'JSON' },
];

const readTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * The active row's details, beside the table. It follows the active row, so ↑/↓ in the
 * grid page through resources with the drawer open; Esc or Close shuts it.
 */
export function DetailsDrawer() {
  const open = useTableView((state) => state.drawerOpen);
  const activeKey = useTableView((state) => state.activeKey);
  const index = useInventory((state) => state.index);
  // A re-read row keeps its slot; the version says its values may be new.
  const rowsVersion = useInventory((state) => state.rowsVersion);
  const [tab, setTab] = useState<Tab>('properties');

  const row = useMemo(() => {
    if (!open || activeKey === null || !index || rowsVersion < 0) return null;
    const slot = index.slotOf(activeKey);
    return slot < 0 ? null : index.row(slot);
  }, [open, activeKey, index, rowsVersion]);

  if (!row) return null;
  return <DrawerBody row={row} tab={tab} onTab={setTab} />;
}

function DrawerBody({
  row,
  tab,
  onTab,
}: {
  row: InventoryRow;
  tab: Tab;
  onTab: (tab: Tab) => void;
}) {
  const store = useTableViewStore();
  const [status, copy] = useClipboard(
    'Open the JSON tab, select the text and press Ctrl+C (⌘C on a Mac).',
  );
  const ids = useId();
  const arn = arnOf(row.typeName, row);
  const url = consoleUrl(row.typeName, row);
  const json = useMemo(() => JSON.stringify(row.properties, null, 2), [row]);

  const close = () => {
    store.getState().closeDrawer();
    focusGrid();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (
      event.key !== 'ArrowLeft' &&
      event.key !== 'ArrowRight' &&
      event.key !== 'Home' &&
      event.key !== 'End'
    )
      return;
    event.preventDefault();
    const at = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (at + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
    const target = TABS[next];
    if (!target) return;
    onTab(target.id);
    document.getElementById(`${ids}-tab-${target.id}`)?.focus();
  };

  return (
    <aside className="drawer" role="complementary" aria-label="Details">
      <header className="drawer-head">
        <div className="drawer-titles">
          <h2 className="drawer-title">{row.identifier}</h2>
          <p className="drawer-meta">
            <span>{row.typeName}</span>
            {row.region !== '' && <span>{row.region}</span>}
            <span>{row.account}</span>
          </p>
          <p className="drawer-meta">Read {readTime.format(row.readAt)}</p>
        </div>
        <button
          type="button"
          className="button button-quiet"
          aria-keyshortcuts="Escape"
          title="Close (Esc)"
          onClick={close}
        >
          Close
        </button>
      </header>

      <div className="drawer-actions" role="group" aria-label="Resource actions">
        <button
          type="button"
          className="button"
          onClick={() => void copy(row.identifier, 'identifier')}
        >
          Copy identifier
        </button>
        <button
          type="button"
          className="button"
          disabled={arn === null}
          aria-describedby={arn === null ? `${ids}-no-arn` : undefined}
          onClick={() => {
            if (arn !== null) void copy(arn, 'ARN');
          }}
        >
          Copy ARN
        </button>
        <button type="button" className="button" onClick={() => void copy(json, 'JSON')}>
          Copy JSON
        </button>
        {url !== null && (
          <a className="button drawer-link" href={url} target="_blank" rel="noreferrer">
            Open in AWS console
          </a>
        )}
        <ResourceActions row={row} />
      </div>
      {arn === null && (
        <p id={`${ids}-no-arn`} className="drawer-note">
          No ARN to copy: none of this resource’s properties holds one.
        </p>
      )}
      <p role="status" className={`drawer-status${status && !status.ok ? ' is-error' : ''}`}>
        {status?.message}
      </p>

      <div role="tablist" aria-label="Show properties as" className="drawer-tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${ids}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${ids}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="drawer-tab"
            onClick={() => {
              onTab(t.id);
            }}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${ids}-panel`}
        aria-labelledby={`${ids}-tab-${tab}`}
        tabIndex={0}
        className="drawer-panel"
      >
        {tab === 'properties' ? (
          <PropertyTree key={row.key} properties={row.properties} />
        ) : (
          <pre className="drawer-json">{json}</pre>
        )}
      </div>
    </aside>
  );
}
