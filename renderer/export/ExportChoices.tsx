import { useId } from 'react';
import type { ExportFormat, ExportOptions } from '../../shared/contract';
import type { ExportScope } from './export-plan';
import { scopeDetail } from './wording';

export interface ExportCounts {
  viewRows: number;
  viewColumns: number;
  allRows: number;
  allColumns: number;
}

interface ExportChoicesProps {
  format: ExportFormat;
  scope: ExportScope;
  options: ExportOptions;
  fileName: string;
  /** Why the file name cannot be used, shown under it; null when it can. */
  fileNameError: string | null;
  counts: ExportCounts;
  /** While exporting or after: the choices show what was done but cannot change. */
  disabled: boolean;
  onFormat: (format: ExportFormat) => void;
  onScope: (scope: ExportScope) => void;
  onOptions: (options: ExportOptions) => void;
  onFileName: (name: string) => void;
}

const FORMATS: readonly { value: ExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
  { value: 'jsonl', label: 'JSON Lines' },
];

/** The Export dialog's choices: format, which rows, CSV options and the file name. */
export function ExportChoices(props: ExportChoicesProps) {
  const { format, scope, options, counts, disabled } = props;
  const ids = useId();
  const csv = format === 'csv';
  const scopes: readonly { value: ExportScope; label: string; detail: string }[] = [
    {
      value: 'view',
      label: 'What you see',
      detail: scopeDetail('view', format, counts.viewRows, counts.viewColumns),
    },
    {
      value: 'all',
      label: 'Everything',
      detail: scopeDetail('all', format, counts.allRows, counts.allColumns),
    },
  ];

  return (
    <fieldset className="export-choices" disabled={disabled}>
      <fieldset className="export-group">
        <legend className="mfield-label">Format</legend>
        <div className="export-inline">
          {FORMATS.map((choice) => (
            <label key={choice.value} className="export-option">
              <input
                type="radio"
                name={`${ids}-format`}
                value={choice.value}
                checked={format === choice.value}
                onChange={() => {
                  props.onFormat(choice.value);
                }}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="export-group">
        <legend className="mfield-label">Rows</legend>
        {scopes.map((choice) => (
          <label key={choice.value} className="export-option">
            <input
              type="radio"
              name={`${ids}-scope`}
              value={choice.value}
              checked={scope === choice.value}
              onChange={() => {
                props.onScope(choice.value);
              }}
            />
            <span>
              {choice.label} <span className="muted">— {choice.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {/* Kept in place for JSON, disabled, so the dialog does not jump between formats. */}
      <fieldset className="export-group" disabled={!csv}>
        <legend className="mfield-label">CSV options</legend>
        <label className="export-option">
          <input
            type="checkbox"
            checked={options.bom}
            onChange={(event) => {
              props.onOptions({ ...options, bom: event.target.checked });
            }}
          />
          <span>Add a byte order mark (for Excel)</span>
        </label>
        <label className="export-option">
          <input
            type="checkbox"
            checked={options.neutralizeFormulas}
            aria-describedby={`${ids}-neutral`}
            onChange={(event) => {
              props.onOptions({ ...options, neutralizeFormulas: event.target.checked });
            }}
          />
          <span>Neutralise formulas (recommended for spreadsheets; turn off for scripts)</span>
        </label>
        <p id={`${ids}-neutral`} className="muted export-help">
          Cells starting with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> get a
          leading <code>&apos;</code>, so a spreadsheet never runs them.
        </p>
      </fieldset>

      <div className="mfield">
        <label className="mfield-label" htmlFor={`${ids}-name`}>
          File name
        </label>
        <input
          id={`${ids}-name`}
          className="mfield-input"
          spellCheck={false}
          autoComplete="off"
          value={props.fileName}
          aria-invalid={props.fileNameError !== null}
          aria-describedby={props.fileNameError !== null ? `${ids}-name-error` : undefined}
          onChange={(event) => {
            props.onFileName(event.target.value);
          }}
        />
        {props.fileNameError !== null && (
          <p id={`${ids}-name-error`} className="export-field-error">
            {props.fileNameError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
