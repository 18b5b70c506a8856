import { CloudshelfError, type MutationOperation } from '../../../shared/contract';
import { retryKindOf } from '../inventory/retry';

/** What was being changed, for the words of the message. */
export interface MutationScope {
  operation: MutationOperation;
  profile: string;
  typeName: string;
  region: string;
  identifier: string | null;
}

const apiAction: Readonly<Record<MutationOperation, string>> = {
  CREATE: 'CreateResource',
  UPDATE: 'UpdateResource',
  DELETE: 'DeleteResource',
};
const handlerName: Readonly<Record<MutationOperation, string>> = {
  CREATE: 'create',
  UPDATE: 'update',
  DELETE: 'delete',
};
const pastTense: Readonly<Record<MutationOperation, string>> = {
  CREATE: 'created',
  UPDATE: 'updated',
  DELETE: 'deleted',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "create AWS::S3::Bucket in eu-west-1", "delete AWS::S3::Bucket my-bucket in eu-west-1". */
export function describeMutation(scope: MutationScope): string {
  const target =
    scope.identifier === null ? scope.typeName : `${scope.typeName} ${scope.identifier}`;
  return `${handlerName[scope.operation]} ${target} in ${scope.region}`;
}

function facts(error: unknown): { name: string; message: string; status: number | undefined } {
  if (!(error instanceof Error))
    return { name: 'Error', message: String(error), status: undefined };
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return {
    name: error.name,
    message: error.message,
    status: typeof status === 'number' ? status : undefined,
  };
}

const credentialNames = new Set([
  'InvalidCredentialsException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);
const conflictNames = new Set([
  'ConcurrentOperationException',
  'ResourceConflictException',
  'ConcurrentModificationException',
]);

/**
 * Turns a synchronous refusal of CreateResource, UpdateResource or DeleteResource (after the
 * retries) into what the user sees: AWS's own words about what failed (e.g. which property
 * broke the schema), and what to do next.
 */
export function mutationError(error: unknown, scope: MutationScope): CloudshelfError {
  if (error instanceof CloudshelfError) return error;
  const { name, message, status } = facts(error);
  const what = describeMutation(scope);
  const refused = `Cloud Control refused to ${what}: ${sentence(message)}`;
  switch (name) {
    case 'ValidationException':
      return new CloudshelfError(
        'InvalidArguments',
        refused,
        scope.operation === 'UPDATE'
          ? 'Change the patch so the resulting resource is valid (properties AWS never shows, such as secrets, must be sent again), then try again.'
          : `Correct the properties named above (the ${scope.typeName} schema says what each takes), then try again.`,
      );
    case 'NotUpdatableException':
      return new CloudshelfError(
        'InvalidArguments',
        refused,
        'Create-only properties cannot be changed in place: leave them out of the update, or create a new resource with the new values.',
      );
    case 'AlreadyExistsException':
      return new CloudshelfError(
        'InvalidArguments',
        refused,
        'Pick another name or identifier, or open the existing resource instead.',
      );
    case 'ResourceNotFoundException':
      return new CloudshelfError(
        'NotFound',
        refused,
        'It may have been deleted since the list was read; scan again to refresh it.',
      );
    case 'TypeNotFoundException':
      return new CloudshelfError(
        'NotFound',
        refused,
        `Check the type name; not every type is offered in every region.`,
      );
    case 'UnsupportedActionException':
      return new CloudshelfError(
        'InvalidArguments',
        `${scope.typeName} cannot be ${pastTense[scope.operation]} through Cloud Control (its resource handler has no ${handlerName[scope.operation]} operation).`,
        'Make this change in the service\u2019s own console or API.',
      );
    case 'AccessDeniedException':
    case 'AccessDenied':
      return new CloudshelfError(
        'Forbidden',
        `Access denied: profile ${scope.profile} may not ${what}: ${sentence(message)}`,
        `Allow this profile cloudformation:${apiAction[scope.operation]}, plus the permissions ${scope.typeName}\u2019s ${handlerName[scope.operation]} handler needs (listed in the type\u2019s details).`,
      );
    case 'ServiceLimitExceededException':
      return new CloudshelfError(
        'Unavailable',
        refused,
        'A service quota was reached: remove resources you no longer need, or ask for a higher quota in Service Quotas.',
      );
    case 'ClientTokenConflictException':
      return new CloudshelfError(
        'Internal',
        refused,
        'Send it again as a new request (Retry uses a new client token).',
      );
    case 'InvalidRequestException':
    case 'PrivateTypeException':
      return new CloudshelfError('InvalidArguments', refused);
  }
  if (credentialNames.has(name)) {
    return new CloudshelfError(
      'Unauthorized',
      `The credentials of profile ${scope.profile} were refused, so Cloudshelf could not ${what}: ${sentence(message)}`,
      'Refresh the profile\u2019s credentials (for SSO, run aws sso login), then try again.',
    );
  }
  if (conflictNames.has(name)) {
    return new CloudshelfError(
      'Unavailable',
      `Another request is already changing this resource, so Cloudshelf could not ${what}: ${sentence(message)}`,
      'Wait for that request to finish (see Requests), then try again.',
    );
  }
  const retry = retryKindOf(error);
  if (retry === 'throttling') {
    return new CloudshelfError(
      'Unavailable',
      `Cloud Control kept throttling ${scope.region} after every retry, so Cloudshelf could not ${what}.`,
      'Other tools may be using this account\u2019s request quota; try again in a minute.',
    );
  }
  if (retry === 'transient') {
    return new CloudshelfError(
      'Unavailable',
      status === undefined
        ? `${scope.region} did not answer, so Cloudshelf could not ${what} (${name}).`
        : `Cloud Control in ${scope.region} answered ${String(status)} (${name}) after every retry, so Cloudshelf could not ${what}.`,
      'Check the network (or the profile\u2019s endpoint_url), then try again.',
    );
  }
  if (status !== undefined && status < 500) return new CloudshelfError('InvalidArguments', refused);
  return new CloudshelfError(
    status === undefined ? 'Internal' : 'Unavailable',
    `Cloudshelf could not ${what}: ${sentence(message)}`,
    'Try again; if it keeps failing, report it with the log file.',
  );
}

/** Why CancelResourceRequest was refused, and what that means for the request. */
export function cancelError(error: unknown, scope: MutationScope): CloudshelfError {
  if (error instanceof Error && error.name === 'InvalidRequestException') {
    return new CloudshelfError(
      'InvalidArguments',
      `Cloud Control can no longer cancel this request: ${sentence(error.message)}`,
      'Its handler has finished or is past the point where it can stop; the request shows its final status when it ends.',
    );
  }
  if (error instanceof Error && error.name === 'RequestTokenNotFoundException') {
    return new CloudshelfError(
      'NotFound',
      `Cloud Control no longer knows this request, so it cannot be cancelled: ${sentence(error.message)}`,
    );
  }
  const failure = mutationError(error, scope);
  return new CloudshelfError(
    failure.code,
    `Cloudshelf could not cancel the request to ${describeMutation(scope)}: ${failure.message}`,
    failure.hint,
  );
}

/** The code a request that failed this way carries (AWS's error name, or Cloudshelf's). */
export function errorCodeOf(error: unknown): string {
  if (error instanceof CloudshelfError) return error.code;
  return error instanceof Error ? error.name : 'Error';
}
