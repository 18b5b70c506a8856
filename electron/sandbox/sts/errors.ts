import { escapeXml } from '../cloudformation/xml';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** An STS error as AWS sends it: code, HTTP status, message, in STS's awsQuery envelope. */
export class StsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly type: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

export function validationError(message: string): StsError {
  return new StsError('ValidationError', 400, message);
}

export function accessDenied(message: string): StsError {
  return new StsError('AccessDenied', 403, message);
}

export function stsErrorXml(error: StsError, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}"><Error>` +
    `<Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
