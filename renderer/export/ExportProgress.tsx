import { progressText } from './wording';

/**
 * Rows sent of the total while an export runs. Not a live region: it changes every chunk,
 * and screen readers already report a focused progress bar's value on request.
 */
export function ExportProgress({ sent, total }: { sent: number; total: number }) {
  const text = progressText(sent, total);
  const percent = total === 0 ? 100 : Math.min(100, (sent / total) * 100);
  return (
    <div className="export-progress">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={sent}
        aria-valuetext={text}
        className="export-bar"
      >
        <div className="export-bar-fill" style={{ width: `${percent.toFixed(1)}%` }} />
      </div>
      <p className="export-progress-text">{text}</p>
    </div>
  );
}
