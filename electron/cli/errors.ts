import { CloudshelfError } from '../../shared/contract';

/** A failure the command explains itself: bad flags, an unknown column, a missing region. */
export class CliError extends Error {
  /** Point at `--help`: the user typed something the command cannot read. */
  readonly usage: boolean;

  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.name = 'CliError';
    this.usage = options.usage ?? false;
  }
}

/**
 * The one line a failure prints. The core's messages and hints are written for people, so
 * they are kept as they are; anything else (a bug) gets its message only, never a stack.
 */
export function reasonOf(error: unknown): string {
  let text: string;
  if (error instanceof CloudshelfError) {
    text = error.hint ? `${sentence(error.message)} ${error.hint}` : error.message;
  } else if (error instanceof Error) {
    text = error.message;
  } else {
    text = String(error);
  }
  return oneLine(text);
}

/** A region's failure as the scan reported it: message, then what to do. */
export function regionReason(error: { message: string; hint?: string | undefined }): string {
  return oneLine(error.hint ? `${sentence(error.message)} ${error.hint}` : error.message);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
