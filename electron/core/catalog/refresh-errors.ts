import { CloudshelfError } from '../../../shared/contract';

interface SdkErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const FALLBACK = 'Cloudshelf keeps using the type catalog it already has.';

/**
 * Turns a failed ListTypes/DescribeType into what the user can act on. The catalog is still
 * served (cache or bundled snapshot), so every hint says so.
 */
export function refreshError(error: unknown, profile: string, region: string): CloudshelfError {
  if (error instanceof CloudshelfError) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = e.$metadata?.httpStatusCode;
  const where = `the CloudFormation registry in ${region}`;
  if (/AccessDenied|UnauthorizedOperation/.test(name) || status === 403) {
    return new CloudshelfError(
      'Forbidden',
      `Profile "${profile}" is not allowed to read ${where}.`,
      `Grant cloudformation:ListTypes and cloudformation:DescribeType to this profile, or refresh from another region. ${FALLBACK}`,
    );
  }
  if (
    /ExpiredToken|InvalidClientTokenId|UnrecognizedClient|InvalidSignature|CredentialsProvider/.test(
      name,
    )
  ) {
    return new CloudshelfError(
      'Unauthorized',
      `The credentials of profile "${profile}" were refused by ${where}.`,
      `Renew the profile's credentials (or sign in again) and refresh. ${FALLBACK}`,
    );
  }
  if (/Throttl|TooManyRequests/.test(name) || status === 429) {
    return new CloudshelfError(
      'Unavailable',
      `AWS throttled the catalog refresh in ${region}.`,
      `Wait a minute and refresh again. ${FALLBACK}`,
    );
  }
  if (
    /ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH/.test(code) ||
    /TimeoutError|RequestTimeout|NetworkingError/.test(name) ||
    (typeof status === 'number' && status >= 500)
  ) {
    return new CloudshelfError(
      'Unavailable',
      `Cloudshelf could not reach ${where}.`,
      `Check the network connection, proxy or the profile's endpoint_url, then refresh. ${FALLBACK}`,
    );
  }
  const detail = typeof e.message === 'string' && e.message ? `: ${e.message.slice(0, 300)}` : '';
  return new CloudshelfError(
    'Unavailable',
    `Refreshing the type catalog from ${where} failed${detail}.`,
    `Try again later. ${FALLBACK}`,
  );
}
