import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TypeSummary } from '../../../shared/contract';
import { pinnedTypes, typeSearchLimit } from '../../store/browse';
import { useBrowse } from '../../store/browse-context';
import { toDisplayError } from '../../store/errors';
import { useShell } from '../../store/context';
import { typeLabel } from '../../ui/type-label';
import '../browse.css';

interface Option {
  typeName: string;
  /** A line under the name: the description, or a plain-words label. */
  note: string;
}

interface Group {
  key: string;
  label: string;
  options: Option[];
}

type Results =
  { query: string; types: TypeSummary[]; total: number } | { query: string; error: string };

/** Keystrokes closer together than this make one search. */
const SEARCH_DELAY_MS = 150;

const labelled = (typeName: string): Option => ({ typeName, note: typeLabel(typeName) });

function groupsFor(query: string, recent: readonly string[], results: Results | null): Group[] {
  if (query === '') {
    const pinned = new Set<string>(pinnedTypes);
    return [
      { key: 'pinned', label: 'Pinned', options: pinnedTypes.map(labelled) },
      {
        key: 'recent',
        label: 'Recent',
        options: recent.filter((name) => !pinned.has(name)).map(labelled),
      },
    ].filter((group) => group.options.length > 0);
  }
  if (!results || 'error' in results) return [];
  const options = results.types.map((type) => ({
    typeName: type.typeName,
    note: type.description || typeLabel(type.typeName),
  }));
  return options.length > 0 ? [{ key: 'matches', label: 'Matches', options }] : [];
}

/**
 * The resource type: a combobox that searches every Cloud Control type by name, service or
 * description, with SageMaker's types pinned and recent choices at hand when it is empty.
 */
export function TypePicker() {
  const inputId = useId();
  const listId = useId();
  const shellReady = useShell((state) => state.appState === 'ready');
  const { ready, typeName, recentTypes, setType, searchTypes } = useBrowse(
    useShallow((state) => ({
      ready: state.ready,
      typeName: state.typeName,
      recentTypes: state.recentTypes,
      setType: state.setType,
      searchTypes: state.searchTypes,
    })),
  );
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<Results | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (!open || trimmed === '') return;
    let live = true;
    const timer = setTimeout(() => {
      searchTypes(trimmed).then(
        (found) => {
          if (live) setResults({ query: trimmed, ...found });
        },
        (error: unknown) => {
          if (live) setResults({ query: trimmed, error: toDisplayError(error).message });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, trimmed, searchTypes]);

  const groups = groupsFor(trimmed, recentTypes, results);
  const options = groups.flatMap((group) => group.options);
  const activeIndex = Math.min(active, options.length - 1);
  const optionId = (index: number) => `${listId}-option-${index}`;
  const searching = trimmed !== '' && results?.query !== trimmed;

  const openList = (): void => {
    setOpen(true);
    setQuery('');
    setActive(0);
  };
  const closeList = (): void => {
    setOpen(false);
    setQuery('');
  };
  const choose = (option: Option | undefined): void => {
    if (!option) return;
    setType(option.typeName);
    closeList();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          openList();
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive(Math.max(0, Math.min(options.length - 1, activeIndex + step)));
        return;
      }
      case 'Enter':
        if (!open) return;
        event.preventDefault();
        choose(options[activeIndex]);
        return;
      case 'Escape':
        if (!open) return;
        event.preventDefault();
        closeList();
        return;
    }
  };

  // Options are numbered across groups, for the keyboard and aria-activedescendant.
  const firstIndex = groups.map((_, at) =>
    groups.slice(0, at).reduce((count, group) => count + group.options.length, 0),
  );
  return (
    <div className="field type-picker">
      <label className="field-label" htmlFor={inputId}>
        Resource type
      </label>
      <div className="type-picker-box">
        <input
          id={inputId}
          className="select type-input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          disabled={!ready || !shellReady}
          placeholder={typeName}
          value={open ? query : typeName}
          title={typeName}
          onClick={() => {
            if (!open) openList();
          }}
          onFocus={(event) => {
            // Typing at once replaces the shown type with a search.
            event.currentTarget.select();
          }}
          onChange={(event) => {
            setOpen(true);
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={closeList}
        />
        {open && (
          <div
            className="popover type-popover"
            onPointerDown={(event) => {
              // Keep focus in the input (scrollbar, group labels), so it does not blur and close.
              event.preventDefault();
            }}
          >
            <div id={listId} role="listbox" aria-label="Matching types">
              {groups.map((group, at) => (
                <div key={group.key} role="group" aria-labelledby={`${listId}-${group.key}`}>
                  <div id={`${listId}-${group.key}`} className="type-group-label">
                    {group.label}
                  </div>
                  {group.options.map((option, within) => {
                    const index = (firstIndex[at] ?? 0) + within;
                    return (
                      <div
                        key={option.typeName}
                        id={optionId(index)}
                        role="option"
                        aria-selected={index === activeIndex}
                        className={
                          index === activeIndex ? 'type-option type-option-active' : 'type-option'
                        }
                        onClick={() => {
                          choose(option);
                        }}
                        onPointerMove={() => {
                          if (index !== activeIndex) setActive(index);
                        }}
                      >
                        <span className="type-option-name">{option.typeName}</span>
                        <span className="type-option-note">{option.note}</span>
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
            <TypeListNote query={trimmed} results={results} searching={searching} />
          </div>
        )}
      </div>
    </div>
  );
}

/** Under the list: searching, nothing found, why the search failed, or how many more match. */
function TypeListNote({
  query,
  results,
  searching,
}: {
  query: string;
  results: Results | null;
  searching: boolean;
}) {
  if (query === '') {
    return <p className="type-note muted">Type a name, service or word from the description.</p>;
  }
  if (searching) return <p className="type-note muted">Searching…</p>;
  if (!results) return null;
  if ('error' in results) {
    return <p className="type-note type-note-error">{results.error} Try again in a moment.</p>;
  }
  if (results.types.length === 0) {
    return (
      <p className="type-note muted">
        No type matches “{query}”. Try the service name, e.g. “sagemaker”.
      </p>
    );
  }
  if (results.total > typeSearchLimit) {
    return (
      <p className="type-note muted">
        {results.types.length} of {results.total} shown; type more to narrow.
      </p>
    );
  }
  return null;
}
