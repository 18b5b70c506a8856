import type { ApiErrorCode, ApiErrorPayload } from './errors';

/** Thrown by handlers on the main side and re-thrown by transports on the renderer side. */
export class CloudshelfError extends Error {
  readonly code: ApiErrorCode;
  readonly hint: string | undefined;

  constructor(code: ApiErrorCode, message: string, hint?: string) {
    super(message);
    this.name = 'CloudshelfError';
    this.code = code;
    this.hint = hint;
  }

  toPayload(): ApiErrorPayload {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }

  static fromPayload(payload: ApiErrorPayload): CloudshelfError {
    return new CloudshelfError(payload.code, payload.message, payload.hint);
  }
}
