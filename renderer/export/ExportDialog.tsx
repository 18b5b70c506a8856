import { useEffect, useRef, useState } from 'react';
import type { CloudshelfApi, ExportFormat, ExportOptions } from '../../shared/contract';
import { ErrorText } from '../ui/ErrorText';
import { Modal } from '../ui/Modal';
import { toDisplayError, type DisplayError } from '../store/errors';
import { ExportChoices } from './ExportChoices';
import {
  columnsFor,
  fileNameProblem,
  rowProjector,
  rowsFor,
  suggestedFileName,
  withExtension,
  type ExportScope,
  type ExportSource,
} from './export-plan';
import { ExportProgress } from './ExportProgress';
import { runExport } from './run-export';
import { resultText } from './wording';
import './export.css';

/** As the settings store them by default (electron/core/settings/merge.ts). */
const DEFAULT_OPTIONS: ExportOptions = { bom: false, neutralizeFormulas: true };

type Phase =
  | { kind: 'idle'; note: string | null; error: DisplayError | null }
  | { kind: 'running'; sent: number; total: number }
  | { kind: 'done'; message: string };

interface ExportDialogProps {
  api: Pick<CloudshelfApi, 'export' | 'settings'>;
  source: ExportSource;
  onClose: () => void;
}

/**
 * Exports the table's rows: the choices, then progress while the main process writes the
 * file, then where it went. Closing it while it runs cancels the export.
 */
export function ExportDialog({ api, source, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [scope, setScope] = useState<ExportScope>('view');
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_OPTIONS);
  const [fileName, setFileName] = useState(() =>
    suggestedFileName(source.typeName, 'csv', new Date()),
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle', note: null, error: null });
  const stored = useRef<ExportOptions | null>(null);
  const touched = useRef(false);
  const running = useRef<AbortController | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    api.settings.get().then(
      (settings) => {
        stored.current = settings.export;
        // A choice made before the settings arrived is the user's, and wins.
        if (current && !touched.current) setOptions(settings.export);
      },
      () => {
        // The defaults do; remembering the last choice is a convenience.
      },
    );
    return () => {
      current = false;
      // Closed while running (Esc, or the table went away): the partial file goes too.
      running.current?.abort();
    };
  }, [api]);

  useEffect(() => {
    // The choices are disabled while running; Cancel is what is left to press.
    if (phase.kind === 'running') cancelButton.current?.focus();
  }, [phase.kind]);

  const problem = fileNameProblem(fileName);
  const busy = phase.kind === 'running';

  const rememberOptions = () => {
    const last = stored.current;
    if (last?.bom === options.bom && last.neutralizeFormulas === options.neutralizeFormulas) return;
    stored.current = options;
    api.settings.update({ patch: { export: options } }).catch(() => {
      // Not remembering the options is not worth interrupting an export for.
    });
  };

  const start = async () => {
    if (busy || problem !== null) return;
    const name = fileName.trim();
    const rows = rowsFor(source, scope);
    const columns = columnsFor(source, scope, format);
    if (format === 'csv') rememberOptions();
    const controller = new AbortController();
    running.current = controller;
    setPhase({ kind: 'running', sent: 0, total: rows.length });
    try {
      const outcome = await runExport(
        api,
        {
          format,
          typeName: source.typeName,
          columns,
          options,
          suggestedName: name,
          rows,
          incompleteRegions: source.incompleteRegions,
          project: rowProjector(format, columns),
        },
        {
          signal: controller.signal,
          onProgress: (sent, total) => {
            setPhase({ kind: 'running', sent, total });
          },
        },
      );
      switch (outcome.kind) {
        case 'dismissed':
          // The user said no in the save dialog: nothing to report.
          onClose();
          return;
        case 'cancelled':
          setPhase({ kind: 'idle', note: 'Export cancelled; nothing was saved.', error: null });
          return;
        case 'saved': {
          const { downloadUrl } = outcome.result;
          if (downloadUrl !== null && form.current) startDownload(form.current, downloadUrl, name);
          setPhase({ kind: 'done', message: resultText(outcome.result, name) });
        }
      }
    } catch (caught) {
      setPhase({ kind: 'idle', note: null, error: toDisplayError(caught) });
    } finally {
      running.current = null;
    }
  };

  const cancel = () => {
    if (running.current) running.current.abort();
    else onClose();
  };

  const note =
    phase.kind === 'done' ? phase.message : phase.kind === 'idle' ? (phase.note ?? '') : '';

  return (
    <Modal kind="export" title="Export" onClose={onClose}>
      <form
        ref={form}
        className="mdialog-form export-form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
        onKeyDown={(event) => {
          // Esc closes when idle; while running, Cancel says what happens to the file.
          if (event.key === 'Escape' && busy) event.preventDefault();
        }}
      >
        <ExportChoices
          format={format}
          scope={scope}
          options={options}
          fileName={fileName}
          fileNameError={problem}
          counts={{
            viewRows: source.viewRows.length,
            viewColumns: source.viewColumns.length,
            allRows: source.allRows.length,
            allColumns: source.allColumns.length,
          }}
          disabled={phase.kind !== 'idle'}
          onFormat={(next) => {
            setFormat(next);
            setFileName((name) => withExtension(name, next));
          }}
          onScope={setScope}
          onOptions={(next) => {
            touched.current = true;
            setOptions(next);
          }}
          onFileName={setFileName}
        />
        {phase.kind === 'running' && <ExportProgress sent={phase.sent} total={phase.total} />}
        {/* Always present, so the outcome is announced when it appears. */}
        <p role="status" className={`export-status${phase.kind === 'done' ? ' export-done' : ''}`}>
          {note}
        </p>
        {phase.kind === 'idle' && phase.error && <ErrorText error={phase.error} />}
        <div className="mdialog-actions">
          {phase.kind === 'done' ? (
            <button type="button" className="button button-primary" autoFocus onClick={onClose}>
              Close
            </button>
          ) : (
            <>
              <button type="button" ref={cancelButton} className="button" onClick={cancel}>
                Cancel
              </button>
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || problem !== null}
              >
                {busy ? 'Exporting…' : 'Export'}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

/**
 * Browser mode: the file waits on the server at a one-time address; a temporary link
 * downloads it under the chosen name. The link goes inside the dialog, the one part of the
 * page that is not inert while it is open.
 */
function startDownload(within: HTMLElement, url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  within.append(link);
  link.click();
  link.remove();
}
