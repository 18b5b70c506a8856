/**
 * Errors Cloud Control answers synchronously, with the HTTP status codes of the service's
 * Smithy model (the httpError traits in @aws-sdk/client-cloudcontrol). The `__type`
 * namespace matters only for fidelity (the SDK keeps what follows `#`), but it is written
 * the way AWS writes it: modeled errors under `com.amazonaws.cloudcontrol`, request
 * validation under coral's namespaces.
 */
export const cloudControlNamespace = 'com.amazonaws.cloudcontrol';

export const errorStatus = {
  AlreadyExistsException: 400,
  ClientTokenConflictException: 409,
  ConcurrentModificationException: 500,
  ConcurrentOperationException: 409,
  GeneralServiceException: 400,
  HandlerFailureException: 502,
  HandlerInternalFailureException: 502,
  InvalidCredentialsException: 401,
  InvalidRequestException: 400,
  NetworkFailureException: 502,
  NotStabilizedException: 400,
  NotUpdatableException: 400,
  PrivateTypeException: 400,
  // The SDK's Smithy model (httpError) and ARCHITECTURE.md say 404; the API reference
  // pages say 400. The model is what the service is generated from.
  RequestTokenNotFoundException: 404,
  ResourceConflictException: 409,
  ResourceNotFoundException: 404,
  ServiceInternalErrorException: 502,
  ServiceLimitExceededException: 400,
  // The model says 429; what AWS's front door actually sends is 400 "Rate exceeded".
  ThrottlingException: 400,
  TypeNotFoundException: 404,
  UnsupportedActionException: 405,
} as const;

export type CloudControlErrorCode = keyof typeof errorStatus;

export class ServiceError extends Error {
  constructor(
    /** The name after `#`, e.g. `ResourceNotFoundException`. */
    readonly code: string,
    readonly status: number,
    message: string,
    /** Written before `#` in `__type`; empty for AWS's bare names (throttling, access denied). */
    readonly namespace: string,
    /** Coral's own errors spell the member `message`; modeled ones `Message`. */
    readonly messageKey: 'Message' | 'message' = 'Message',
  ) {
    super(message);
    this.name = code;
  }

  get type(): string {
    return this.namespace ? `${this.namespace}#${this.code}` : this.code;
  }
}

export function cloudControlError(code: CloudControlErrorCode, message: string): ServiceError {
  return new ServiceError(code, errorStatus[code], message, cloudControlNamespace);
}

/** Coral's input validation error, as AWS sends it for model validation and bad input. */
export function validationError(message: string): ServiceError {
  return new ServiceError(
    'ValidationException',
    400,
    message,
    'com.amazon.coral.validate',
    'message',
  );
}

export function serializationError(message: string): ServiceError {
  return new ServiceError(
    'SerializationException',
    400,
    message,
    'com.amazon.coral.service',
    'message',
  );
}

export function unknownOperationError(target: string): ServiceError {
  return new ServiceError(
    'UnknownOperationException',
    400,
    target ? `Unknown operation ${target}` : 'Missing X-Amz-Target header',
    'com.amazon.coral.service',
    'message',
  );
}

export const notFound = (typeName: string, identifier: string): ServiceError =>
  cloudControlError('ResourceNotFoundException', notFoundMessage(typeName, identifier));

/** The resource handlers' wording, used both synchronously and in FAILED progress events. */
export const notFoundMessage = (typeName: string, identifier: string): string =>
  `Resource of type '${typeName}' with identifier '${identifier}' was not found.`;

export const alreadyExistsMessage = (typeName: string, identifier: string): string =>
  `Resource of type '${typeName}' with identifier '${identifier}' already exists.`;

export const typeNotFound = (typeName: string): ServiceError =>
  cloudControlError('TypeNotFoundException', `The type '${typeName}' cannot be found.`);

export const unsupportedAction = (typeName: string, action: string): ServiceError =>
  cloudControlError(
    'UnsupportedActionException',
    `Resource type ${typeName} does not support ${action} action`,
  );

/** `Value null at 'typeName' failed to satisfy constraint: …`, coral's format. */
export function constraintViolation(
  member: string,
  value: unknown,
  constraint: string,
): ServiceError {
  const shown =
    value === undefined || value === null
      ? 'null'
      : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
  return validationError(
    `1 validation error detected: Value ${shown} at '${lowerFirst(member)}' failed to satisfy constraint: ${constraint}`,
  );
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
