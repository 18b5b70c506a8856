import { errorResponseXml, QueryError } from '../cloudformation/query-errors';

export const STS_XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS errors are awsQuery errors: same fields and envelope, STS's own namespace. */
export { QueryError as StsError };

export function validationError(message: string): QueryError {
  return new QueryError('ValidationError', 400, message);
}

export function accessDenied(message: string): QueryError {
  return new QueryError('AccessDenied', 403, message);
}

export function stsErrorXml(error: QueryError, requestId: string): string {
  return errorResponseXml(error, requestId, STS_XMLNS);
}
