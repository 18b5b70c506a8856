import { CloudshelfError } from '../../../shared/contract';
import type { HandlerTable } from '../dispatch';
import type { ExportSessions } from '../export/sessions';

type ExportCall = 'export.begin' | 'export.rows' | 'export.finish' | 'export.abort';

/**
 * Exports from the window. A host that cannot save files for a window (the command line
 * writes its own) passes no sessions, and the calls say so.
 */
export function createExportHandlers(
  sessions: ExportSessions | undefined,
): Pick<HandlerTable, ExportCall> {
  if (!sessions) {
    const refuse = (): Promise<never> =>
      Promise.reject(
        new CloudshelfError(
          'Unavailable',
          'This Cloudshelf host cannot save exports for a window.',
          'Use the desktop app, browser mode, or `cloudshelf export` on the command line.',
        ),
      );
    return {
      'export.begin': refuse,
      'export.rows': refuse,
      'export.finish': refuse,
      'export.abort': refuse,
    };
  }
  return {
    'export.begin': (args) => sessions.begin(args),
    'export.rows': (args) => sessions.rows(args),
    'export.finish': ({ exportId }) => sessions.finish(exportId),
    'export.abort': ({ exportId }) => sessions.abort(exportId),
  };
}
