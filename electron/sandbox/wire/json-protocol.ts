import type { ServiceError } from '../cloudcontrol/errors';

/** awsJson1_0 framing: what every Cloud Control answer looks like on the wire. */
export const jsonContentType = 'application/x-amz-json-1.0';
export const targetPrefix = 'CloudApiService.';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonResponse(body: unknown, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'Content-Type': jsonContentType, 'x-amzn-RequestId': requestId },
    body: JSON.stringify(body),
  };
}

export function jsonErrorResponse(error: ServiceError, requestId: string): WireResponse {
  return {
    status: error.status,
    headers: {
      'Content-Type': jsonContentType,
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': error.code,
    },
    body: JSON.stringify({ __type: error.type, [error.messageKey]: error.message }),
  };
}

/** `CloudApiService.ListResources` → `ListResources`; anything else → undefined. */
export function operationFromTarget(target: string | undefined): string | undefined {
  if (!target?.startsWith(targetPrefix)) return undefined;
  const name = target.slice(targetPrefix.length);
  return /^[A-Za-z]+$/.test(name) ? name : undefined;
}
