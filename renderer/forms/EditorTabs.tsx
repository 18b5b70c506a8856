import type { KeyboardEvent } from 'react';

/** How the DesiredState is edited. */
export type EditorTab = 'form' | 'json';

const TABS: readonly { id: EditorTab; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'json', label: 'JSON' },
];

export function tabId(ids: string, tab: EditorTab): string {
  return `${ids}-tab-${tab}`;
}

export function panelId(ids: string, tab: EditorTab): string {
  return `${ids}-panel-${tab}`;
}

/** The Form / JSON tab pair (arrow keys move between them, as in the details drawer). */
export function EditorTabs({
  ids,
  tab,
  onTab,
}: {
  ids: string;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
}) {
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const next: EditorTab =
      event.key === 'Home'
        ? 'form'
        : event.key === 'End'
          ? 'json'
          : tab === 'form'
            ? 'json'
            : 'form';
    onTab(next);
    document.getElementById(tabId(ids, next))?.focus();
  };
  return (
    <div role="tablist" aria-label="Edit as" className="rf-tabs">
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabId(ids, t.id)}
          aria-selected={tab === t.id}
          aria-controls={panelId(ids, t.id)}
          tabIndex={tab === t.id ? 0 : -1}
          className="rf-tab"
          onClick={() => {
            onTab(t.id);
          }}
          onKeyDown={onKey}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
