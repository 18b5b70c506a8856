import type { ExportFormat } from '../../../shared/contract';
import type { FileTarget } from '../../core/export/types';

/**
 * Where a host puts an export: Electron asks with the native save dialog, browser mode
 * writes a temporary file and hands it out as a one-time download.
 */
export interface ExportDestination {
  /** A file to write the export into; null when the user declined (cancelled the dialog). */
  open(suggestedName: string, format: ExportFormat): Promise<FileTarget | null>;
  /** After the file is committed: what the window is told about where it went. */
  delivered(target: FileTarget, suggestedName: string): DeliveredExport;
}

export interface DeliveredExport {
  path: string | null;
  downloadUrl: string | null;
}
