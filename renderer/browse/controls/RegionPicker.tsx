import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RegionInfo } from '../../../shared/contract';
import { useBrowse } from '../../store/browse-context';
import { useShell } from '../../store/context';
import '../browse.css';

/** "us-east-1 +3": the profile's home region when chosen (else the first), and how many more. */
export function regionSummary(regions: readonly string[], home: string | null): string {
  const first = home !== null && regions.includes(home) ? home : regions[0];
  if (first === undefined) return 'None';
  return regions.length === 1 ? first : `${first} +${regions.length - 1}`;
}

/** Every region, so that "All" never starts scans the type cannot answer or the account lacks. */
const allWorthScanning = (list: readonly RegionInfo[]): string[] =>
  list.filter((region) => region.offersType !== false && !region.optIn).map((r) => r.code);

/** The regions to scan: a button showing the choice, opening a checklist of every region. */
export function RegionPicker() {
  const listId = useId();
  const summaryId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const shellReady = useShell((state) => state.appState === 'ready');
  const home = useShell(
    (state) => state.profiles.find((profile) => profile.name === state.profile)?.region ?? null,
  );
  const { ready, regions, regionList, error, open } = useBrowse(
    useShallow((state) => ({
      ready: state.ready,
      regions: state.regions,
      regionList: state.regionList,
      error: state.regionListError,
      open: state.regionPickerOpen,
    })),
  );
  const { setRegions, chooseDefaultRegions, setOpen } = useBrowse(
    useShallow((state) => ({
      setRegions: state.setRegions,
      chooseDefaultRegions: state.chooseDefaultRegions,
      setOpen: state.setRegionPickerOpen,
    })),
  );

  const close = (focusButton: boolean): void => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  // Outside clicks close the popover, as menus do; focus stays where the click put it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node | null;
      if (popover.current?.contains(target) || button.current?.contains(target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, setOpen]);

  // Opening (from the button or the "choose a region" screen) puts focus in the list.
  useEffect(() => {
    if (!open) return;
    const boxes = popover.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    const first = [...(boxes ?? [])].find((box) => box.checked) ?? boxes?.[0];
    (first ?? popover.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [open]);

  const chosen = new Set(regions);
  const toggle = (code: string, on: boolean): void => {
    setRegions(on ? [...regions, code] : regions.filter((region) => region !== code));
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const boxes = [
      ...event.currentTarget.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
    ];
    const at = boxes.indexOf(document.activeElement as HTMLInputElement);
    const moves: Record<string, number | undefined> = {
      ArrowDown: Math.min(at + 1, boxes.length - 1),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: boxes.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    boxes[next]?.focus();
  };

  return (
    <div className="field region-picker">
      <span className="field-label" aria-hidden="true">
        Regions
      </span>
      <button
        ref={button}
        type="button"
        className="select select-button"
        aria-label="Regions"
        aria-describedby={summaryId}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        disabled={!ready || !shellReady}
        title={regions.length > 0 ? regions.join(', ') : 'No region chosen'}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <span className="select-button-text">{regionSummary(regions, home)}</span>
        <span className="select-button-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <span id={summaryId} className="visually-hidden">
        {regions.length === 0 ? 'No region chosen' : `Chosen: ${regions.join(', ')}`}
      </span>
      {open && (
        <div
          ref={popover}
          id={listId}
          className="popover region-popover"
          role="dialog"
          aria-label="Region choice"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close(true);
            }
          }}
          onBlur={(event) => {
            // Tabbing out closes it, as a click outside does.
            const next = event.relatedTarget;
            if (next === null || popover.current?.contains(next) || next === button.current) return;
            setOpen(false);
          }}
        >
          <div className="popover-actions">
            <button
              type="button"
              className="button button-small"
              title="Every region that offers this type, except opt-in regions"
              disabled={regionList.length === 0}
              onClick={() => {
                setRegions(allWorthScanning(regionList));
              }}
            >
              All
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setRegions([]);
              }}
            >
              None
            </button>
            <button
              type="button"
              className="button button-small"
              title="The default region of the chosen profile"
              onClick={chooseDefaultRegions}
            >
              Profile default
            </button>
            <span className="popover-count muted">{regions.length} chosen</span>
          </div>
          {error && regionList.length === 0 ? (
            <p className="popover-note">
              {error.message} {error.hint}
            </p>
          ) : regionList.length === 0 ? (
            <p className="popover-note muted">Loading regions…</p>
          ) : (
            <ul className="region-list" onKeyDown={onListKey}>
              {regionList.map((region) => (
                <li key={region.code}>
                  <label className="region-option">
                    <input
                      type="checkbox"
                      checked={chosen.has(region.code)}
                      onChange={(event) => {
                        toggle(region.code, event.target.checked);
                      }}
                    />
                    <span className="region-option-name">{region.name}</span>
                    <code className="region-option-code">{region.code}</code>
                    {region.offersType === false && (
                      <span
                        className="region-mark"
                        title="This resource type is not offered here; the region would be skipped"
                      >
                        not offered
                      </span>
                    )}
                    {region.optIn && (
                      <span
                        className="region-mark"
                        title="An opt-in region: it answers only once enabled for the account"
                      >
                        opt-in
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <div className="popover-footer">
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => {
                close(true);
              }}
            >
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
