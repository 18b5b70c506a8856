import { escapeXml } from './xml';

export const CLOUDFORMATION_XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/** An awsQuery error: its code, HTTP status and message, as CloudFormation returns them. */
export class QueryError extends Error {
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

/** Modelled in the SDK (awsQueryError `TypeNotFoundException`, 404): the SDK throws its class. */
export function typeNotFound(typeName: string): QueryError {
  return new QueryError('TypeNotFoundException', 404, `The type '${typeName}' cannot be found.`);
}

/** CloudFormation's generic 400 for bad parameters (unmodelled; the SDK names it). */
export function validationError(message: string): QueryError {
  return new QueryError('ValidationError', 400, message);
}

/**
 * AWS's wording for failed parameter constraints: `1 validation error detected: Value 'x' at
 * 'maxResults' failed to satisfy constraint: Member must …`; several are joined with `; `.
 */
export function constraintErrors(failures: readonly string[]): QueryError {
  const count = failures.length;
  return validationError(
    `${count} validation error${count === 1 ? '' : 's'} detected: ${failures.join('; ')}`,
  );
}

/** The awsQuery error envelope; STS uses the same one under its own namespace. */
export function errorResponseXml(
  error: QueryError,
  requestId: string,
  xmlns: string = CLOUDFORMATION_XMLNS,
): string {
  return (
    `<ErrorResponse xmlns="${xmlns}"><Error>` +
    `<Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}
