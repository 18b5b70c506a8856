import { useEffect, useRef } from 'react';
import { useTableView, useTableViewStore } from '../../store/table-view-context';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);
const mod = isMac ? '⌘' : 'Ctrl';

/** Every shortcut the Browse screen has, by where it works (the table first: most used). */
const GROUPS: readonly { title: string; keys: readonly [string, string][] }[] = [
  {
    title: 'In the table',
    keys: [
      ['↑ ↓', 'Move to the previous or next resource'],
      ['Home End', 'Move to the first or last resource'],
      ['PgUp PgDn', 'Move a page up or down'],
      ['Shift + ↑ ↓', 'Extend the selection'],
      ['Space', 'Select or deselect the resource'],
      [`${mod} + A`, 'Select every resource that matches the search and filters'],
      ['Enter', 'Open the details drawer'],
      ['Click', 'Open a resource in the details drawer'],
      ['Shift + click', 'Select a range of resources'],
      [`${mod} + click`, 'Add or remove one resource from the selection'],
    ],
  },
  {
    title: 'Anywhere',
    keys: [
      ['/', 'Focus the search box'],
      ['?', 'Show these shortcuts'],
      ['Esc', 'Close the details drawer or this dialog'],
    ],
  },
  {
    title: 'Column headers',
    keys: [
      ['Click or Enter', 'Sort by the column; again to reverse, a third time to stop'],
      ['Shift + click', 'Add the column to the sort'],
      ['Alt + ← →', 'Move the column left or right'],
      ['← → on an edge', 'Make the column narrower or wider (Shift for bigger steps)'],
      ['Drag a header', 'Move the column'],
    ],
  },
];

/** The `?` dialog listing the shortcuts. Modal, so Esc and focus behave as in any dialog. */
export function ShortcutsDialog() {
  const open = useTableView((state) => state.shortcutsOpen);
  const store = useTableViewStore();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-dialog"
      aria-label="Keyboard shortcuts"
      onClose={() => {
        store.getState().setShortcutsOpen(false);
      }}
    >
      {open && (
        <>
          <div className="shortcuts-head">
            <h2 className="panel-title">Keyboard shortcuts</h2>
            <button
              type="button"
              className="button"
              autoFocus
              onClick={() => {
                store.getState().setShortcutsOpen(false);
              }}
            >
              Close
            </button>
          </div>
          <div className="shortcuts-groups">
            {GROUPS.map((group) => (
              <section key={group.title} className="shortcuts-group" aria-label={group.title}>
                <h3 className="shortcuts-title">{group.title}</h3>
                <dl className="shortcuts-list">
                  {group.keys.map(([keys, action]) => (
                    <div key={keys} className="shortcuts-row">
                      <dt>
                        <kbd>{keys}</kbd>
                      </dt>
                      <dd>{action}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </>
      )}
    </dialog>
  );
}
