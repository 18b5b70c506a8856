import { randomUUID } from 'node:crypto';
import type { TypeCatalog } from '../schema/type-model';
import { describeType, type QueryContext } from './describe-type';
import { listTypes } from './list-types';
import { CLOUDFORMATION_XMLNS, errorResponseXml, QueryError } from './query-errors';
import { QueryParams } from './query-params';
import { escapeXml } from './xml';

export interface CloudFormationQueryContext extends QueryContext {
  /** Defaults to a fresh UUID; tests pass one to compare bodies. */
  requestId?: string;
}

export interface QueryResponse {
  status: number;
  /** The XML document. */
  body: string;
  contentType: 'text/xml';
  /** Also to be sent as the `x-amzn-RequestId` header. */
  requestId: string;
}

type ActionHandler = (catalog: TypeCatalog, params: QueryParams, context: QueryContext) => string;

const ACTIONS: Record<string, ActionHandler> = {
  DescribeType: describeType,
  ListTypes: listTypes,
};

function respond(status: number, body: string, requestId: string): QueryResponse {
  return { status, body, contentType: 'text/xml', requestId };
}

/**
 * The CloudFormation registry's awsQuery endpoint, as a pure function of the form body:
 * `Action=DescribeType&Version=2010-05-15&…` in, the XML AWS would send out. Only the
 * registry reads the sandbox supports are answered; any other action is InvalidAction.
 */
export function handleCloudFormationQuery(
  catalog: TypeCatalog,
  params: URLSearchParams,
  context: CloudFormationQueryContext,
): QueryResponse {
  const requestId = context.requestId ?? randomUUID();
  const action = params.get('Action') ?? '';
  try {
    if (action === '') throw new QueryError('MissingAction', 400, 'Missing Action');
    const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!handler) {
      throw new QueryError(
        'InvalidAction',
        400,
        `The action ${action} is not valid for this web service.`,
      );
    }
    const result = handler(catalog, new QueryParams(params), context);
    const body =
      `<${action}Response xmlns="${CLOUDFORMATION_XMLNS}">` +
      `<${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
      `</${action}Response>`;
    return respond(200, body, requestId);
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return respond(error.status, errorResponseXml(error, requestId), requestId);
  }
}
