import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useBrowse } from '../store/browse-context';
import { useShell } from '../store/context';
import { useInventory } from '../store/inventory-context';
import { TextWithCode } from '../ui/TextWithCode';
import { DetailsDrawer } from './drawer/DetailsDrawer';
import { RegionStatusStrip } from './RegionStatusStrip';
import { ShortcutsLayer } from './shortcuts/ShortcutsLayer';
import { browseView, regionsPhrase, type BrowseView } from './screen-state';
import { InventoryTable } from './table/InventoryTable';
import './browse.css';

/** The Browse area under the toolbar: region progress, then the table or what stands in for it. */
export function BrowseScreen() {
  const view = useBrowseView();
  const strip = view.kind !== 'starting' && view.kind !== 'no-regions' && view.kind !== 'go-ahead';
  return (
    <div className="browse">
      {strip && <RegionStatusStrip showFailures={view.kind !== 'all-failed'} />}
      {view.kind === 'table' ? (
        <div className="browse-body">
          <div className="browse-table">
            <InventoryTable />
          </div>
          <DetailsDrawer />
          <ShortcutsLayer />
        </div>
      ) : (
        <div className="browse-state">
          <StatePanel view={view} />
        </div>
      )}
    </div>
  );
}

function useBrowseView(): BrowseView {
  const profile = useShell((state) => state.profile);
  const browse = useBrowse(
    useShallow((state) => ({
      ready: state.ready,
      chosenRegions: state.regions,
      typeName: state.typeName,
      awaitingGoAhead: state.awaitingGoAhead,
    })),
  );
  const inventory = useInventory(
    useShallow((state) => ({
      scope: state.scope,
      phase: state.phase,
      error: state.error,
      regions: state.regions,
      rows: state.index?.size ?? 0,
    })),
  );
  return browseView({ ...browse, profile, inventory, rows: inventory.rows });
}

function StatePanel({ view }: { view: Exclude<BrowseView, { kind: 'table' }> }) {
  switch (view.kind) {
    case 'starting':
      return <Waiting message="Restoring your last view…" />;
    case 'loading':
      return <Waiting message={view.message} />;
    case 'no-regions':
      return <NoRegions />;
    case 'go-ahead':
      return <GoAhead profile={view.profile} />;
    case 'failed':
      return (
        <Failure title="Cloudshelf could not start this scan">
          <p className="error-message">
            <TextWithCode text={view.error.message} />
          </p>
          {view.error.hint && (
            <p className="muted">
              <TextWithCode text={view.error.hint} />
            </p>
          )}
        </Failure>
      );
    case 'all-failed':
      return (
        <Failure title={`Could not list ${view.label}`}>
          <ul className="state-failures">
            {view.failures.map((failure) => (
              <li key={failure.regions.join()}>
                <strong>{failure.regions.join(', ')}</strong>:{' '}
                <TextWithCode text={failure.message} />
                {failure.hint && (
                  <span className="muted">
                    {' '}
                    <TextWithCode text={failure.hint} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Failure>
      );
    case 'empty':
      return <Empty view={view} />;
  }
}

function Waiting({ message }: { message: string }) {
  return (
    <div className="placeholder" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="muted">{message}</span>
    </div>
  );
}

function NoRegions() {
  const { openPicker, chooseDefault } = useBrowse(
    useShallow((state) => ({
      openPicker: state.setRegionPickerOpen,
      chooseDefault: state.chooseDefaultRegions,
    })),
  );
  return (
    <section className="panel state-panel">
      <h1 className="panel-title">Choose at least one region</h1>
      <p className="muted">
        Cloudshelf lists resources in the regions chosen in the toolbar; none is chosen now.
      </p>
      <div className="panel-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            openPicker(true);
          }}
        >
          Choose regions
        </button>
        <button type="button" className="button" onClick={chooseDefault}>
          Use the default region
        </button>
      </div>
    </section>
  );
}

function GoAhead({ profile }: { profile: string }) {
  const { goAhead, regions } = useBrowse(
    useShallow((state) => ({ goAhead: state.goAhead, regions: state.regions })),
  );
  return (
    <section className="panel state-panel">
      <h1 className="panel-title">An MFA code is needed to scan</h1>
      <p>
        <strong>{profile}</strong> assumes a role that asks for a code from your MFA device.
        Cloudshelf asks for it when the scan starts.
      </p>
      <div className="panel-actions">
        <button type="button" className="button button-primary" onClick={goAhead}>
          Scan {regionsPhrase(regions)}
        </button>
      </div>
    </section>
  );
}

function Failure({ title, children }: { title: string; children: ReactNode }) {
  const refresh = useInventory((state) => state.refresh);
  return (
    <section className="panel panel-error state-panel">
      <h1 className="panel-title">{title}</h1>
      {children}
      <div className="panel-actions">
        <button type="button" className="button button-primary" onClick={() => void refresh()}>
          Retry
        </button>
      </div>
    </section>
  );
}

function Empty({ view }: { view: Extract<BrowseView, { kind: 'empty' }> }) {
  const refresh = useInventory((state) => state.refresh);
  const stopped = view.cancelled.length > 0;
  return (
    <section className="panel state-panel">
      <h1 className="panel-title">
        {stopped
          ? 'The scan was stopped'
          : `No ${view.typeName} resources${view.searched.length > 0 ? ` in ${view.searched.join(', ')}` : ''}`}
      </h1>
      {stopped && view.searched.length > 0 && (
        <p>None in {view.searched.join(', ')}, the regions scanned before it stopped.</p>
      )}
      {view.skipped.length > 0 && (
        <p className="muted">
          {view.typeName} is not offered in {view.skipped.join(', ')}, so{' '}
          {view.skipped.length === 1 ? 'it was' : 'they were'} skipped.
        </p>
      )}
      {view.failed.length > 0 && (
        <p className="muted">
          Listing failed in {view.failed.join(', ')}; the reason and a Retry are above.
        </p>
      )}
      <p className="muted">
        {stopped
          ? 'Scan again to see everything.'
          : 'Try other regions, another resource type, or a profile for another account.'}
      </p>
      <div className="panel-actions">
        <button type="button" className="button" onClick={() => void refresh()}>
          Scan again
        </button>
      </div>
    </section>
  );
}
