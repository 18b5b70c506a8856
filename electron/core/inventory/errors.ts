import { CloudshelfError } from '../../../shared/contract';
import { retryKindOf } from './retry';
import type { TypeInfo } from './types';

/** A region's failure as the UI shows it: what happened, and what to do about it. */
export interface RegionError {
  code: string;
  message: string;
  hint?: string;
}

export interface ErrorScope {
  typeName: string;
  region: string;
  info: TypeInfo;
  /** The list model the failing call carried, if any. */
  resourceModel?: Record<string, unknown>;
}

function errorFields(error: unknown): { name: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as Error & { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

function permissionsHint(scope: ErrorScope): string {
  const own = [...(scope.info.listPermissions ?? []), ...(scope.info.readPermissions ?? [])];
  const unique = [...new Set(own)];
  const typePart =
    unique.length > 0
      ? `, plus what ${scope.typeName}'s handlers need: ${unique.join(', ')}`
      : `, plus the list and read permissions of ${scope.typeName}'s service`;
  return (
    `Allow this profile cloudformation:ListResources and cloudformation:GetResource in ` +
    `${scope.region}${typePart}. If an SCP or permissions boundary denies the region, ` +
    'leave it out of the scan.'
  );
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Turns whatever a region's scan threw into a status error with an actionable hint. */
export function describeRegionError(error: unknown, scope: ErrorScope): RegionError {
  if (error instanceof CloudshelfError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    };
  }
  const { name, message, code } = errorFields(error);
  const { typeName, region } = scope;
  const retry = retryKindOf(error);
  switch (name) {
    case 'AccessDeniedException':
    case 'AccessDenied':
    case 'UnauthorizedOperation':
      return {
        code: 'AccessDenied',
        message: `Access denied listing ${typeName} in ${region}: ${sentence(message)}`,
        hint: permissionsHint(scope),
      };
    case 'UnsupportedActionException':
      return {
        code: 'UnsupportedAction',
        message: `${typeName} cannot be listed through Cloud Control in ${region} (its resource handler has no list operation).`,
        hint: 'Open its resources by identifier, or use the service console for this type.',
      };
    case 'TypeNotFoundException':
      return {
        code: 'TypeNotFound',
        message: `${typeName} is not available in ${region}.`,
        hint: 'Check the type name, or leave this region out: not every type is offered in every region.',
      };
    case 'InvalidRequestException':
      if (/ResourceModel|required key/i.test(message)) {
        const parents = [...scope.info.listRequired];
        const names = parents.length > 0 ? parents.join(', ') : 'its parent identifier';
        return {
          code: 'MissingParent',
          message: `${typeName} can only be listed inside a parent resource: ${sentence(message)}`,
          hint: `Scan it per parent${scope.info.parent ? ` (one list per ${scope.info.parent.typeName})` : ''}, or give ${names} in the resource model.`,
        };
      }
      return {
        code: 'InvalidRequest',
        message: `Cloud Control refused the list of ${typeName} in ${region}: ${sentence(message)}`,
      };
    case 'InvalidCredentialsException':
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return {
        code: 'InvalidCredentials',
        message: `The profile's credentials were refused in ${region}: ${sentence(message)}`,
        hint: 'Refresh the profile\u2019s credentials (for SSO, run aws sso login) and scan again.',
      };
  }
  if (retry === 'throttling') {
    return {
      code: 'Throttling',
      message: `Cloud Control kept throttling ${region} after every retry.`,
      hint: 'Other tools may be using this account\u2019s request quota; scan again in a minute or lower Cloudshelf\u2019s request rate.',
    };
  }
  if (retry === 'transient') {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === undefined) {
      return {
        code: 'RegionUnreachable',
        message: `${region} did not answer: the connection failed (${code ?? name}).`,
        hint: 'Check that the region is enabled for this account and reachable from this network (or the profile\u2019s endpoint_url), then scan again. Other regions are unaffected.',
      };
    }
    return {
      code: 'RegionUnavailable',
      message: `Cloud Control in ${region} answered ${status} (${name}) after every retry.`,
      hint: 'The service is having trouble in this region; scan it again later. Other regions are unaffected.',
    };
  }
  return {
    code: name === 'Error' ? 'Internal' : name,
    message: `Listing ${typeName} in ${region} failed: ${sentence(message)}`,
  };
}
