import { ApiErrorCode } from '../../shared/contract';

/** What an error screen shows: never a stack, always something to do next when we know it. */
export interface DisplayError {
  code: ApiErrorCode;
  message: string;
  hint?: string;
}

/**
 * Turns anything a call rejected with into words for the user. CloudshelfErrors (and errors
 * shaped like them) keep their code and hint; anything else keeps only its message.
 */
export function toDisplayError(error: unknown): DisplayError {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const { message, code, hint } = error as { message: unknown; code?: unknown; hint?: unknown };
    const parsedCode = ApiErrorCode.safeParse(code);
    const text =
      typeof message === 'string' && message.trim() !== ''
        ? message
        : 'Cloudshelf hit an unexpected problem.';
    return {
      code: parsedCode.success ? parsedCode.data : 'Internal',
      message: text,
      ...(typeof hint === 'string' && hint !== '' ? { hint } : {}),
    };
  }
  return { code: 'Internal', message: 'Cloudshelf hit an unexpected problem.' };
}
