import { join } from 'node:path';
import type { ExportFormat } from '../../../shared/contract';
import type { FileTarget } from '../../core/export/types';
import type { ExportDestination } from './destination';

/** The part of Electron's `dialog.showSaveDialog` this needs (injected: no electron import). */
export type ShowSaveDialog = (options: {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
}) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

const FILTERS: Readonly<Record<ExportFormat, { name: string; extensions: string[] }>> = {
  csv: { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
  jsonl: { name: 'JSON Lines', extensions: ['jsonl', 'ndjson'] },
};

export interface SaveDialogDestinationOptions {
  showSaveDialog: ShowSaveDialog;
  /** The folder the dialog opens in, e.g. the user's Downloads. */
  defaultDir: () => string;
  openFile: (path: string) => Promise<FileTarget>;
}

/** The desktop app's export destination: wherever the user chose in the native save dialog. */
export function createSaveDialogDestination(
  options: SaveDialogDestinationOptions,
): ExportDestination {
  return {
    async open(suggestedName, format) {
      const choice = await options.showSaveDialog({
        title: 'Export inventory',
        defaultPath: join(options.defaultDir(), suggestedName),
        filters: [FILTERS[format]],
      });
      if (choice.canceled || !choice.filePath) return null;
      return options.openFile(choice.filePath);
    },
    delivered: (target) => ({ path: target.path, downloadUrl: null }),
  };
}
