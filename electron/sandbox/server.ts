import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { readRequestBody } from '../http/request-body';
import { accountIdFor } from './account';
import {
  ServiceError,
  cloudControlError,
  serializationError,
  unknownOperationError,
} from './cloudcontrol/errors';
import type { CloudControlService } from './cloudcontrol/service';
import { controlPrefix, handleControl } from './control';
import type { Fault, FaultEngine } from './faults';
import { parseAuthorization } from './sigv4';
import { createStsHandler, isUnsignedStsCall, type StsQueryHandler } from './sts/handler';
import {
  jsonErrorResponse,
  jsonResponse,
  operationFromTarget,
  type WireResponse,
} from './wire/json-protocol';
import { xmlContentType, xmlErrorBody, type QueryError } from './wire/query-protocol';

/** The CloudFormation registry's awsQuery handler (electron/sandbox/cloudformation). */
export type CloudFormationQueryHandler = (
  params: URLSearchParams,
  /** `requestId` is the x-amzn-RequestId header's, for the body's RequestId. */
  context: { region: string; account: string; requestId: string },
) => { status: number; body: string } | Promise<{ status: number; body: string }>;

export interface RequestHandlerDeps {
  cloudControl: CloudControlService;
  cloudFormation: CloudFormationQueryHandler;
  faults: FaultEngine;
  /** Forgets all state (POST /__sandbox/reset). */
  reset: () => void;
  port: () => number;
  log: (line: string) => void;
  /** The STS handler (electron/sandbox/sts); a fresh one when absent. */
  sts?: StsQueryHandler;
}

type Protocol = 'json' | 'query';

/** Cloud Control bodies are at most ~256 KiB of properties; 1 MiB leaves room for JSON. */
const bodyLimit = 1024 * 1024;

/**
 * One port, both protocols. The SigV4 credential scope names the service (cloudcontrolapi
 * → awsJson1_0 Cloud Control, cloudformation → awsQuery registry) and the region; the access
 * key id names the account. Faults apply after authentication, per (account, region).
 */
export function createRequestHandler(deps: RequestHandlerDeps) {
  const sts = deps.sts ?? createStsHandler();
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const requestId = randomUUID();
    const pathname = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const body = await readRequestBody(req, bodyLimit);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
        res.end(JSON.stringify({ message: 'Request body too large' }));
      }
      return;
    }
    if (pathname.startsWith(controlPrefix)) {
      handleControl(req, res, pathname, body.text, deps);
      return;
    }
    const guessed: Protocol = isForm(req) ? 'query' : 'json';
    if (pathname !== '/' || req.method !== 'POST') {
      write(
        res,
        errorFor(guessed, requestId, {
          status: pathname === '/' ? 405 : 404,
          code: pathname === '/' ? 'MethodNotAllowed' : 'NotFound',
          message: `The sandbox answers POST / only (got ${req.method ?? '?'} ${pathname}).`,
        }),
      );
      return;
    }

    const auth = parseAuthorization(req.headers);
    const form = guessed === 'query' ? new URLSearchParams(body.text) : undefined;
    if (!auth.ok && form && isUnsignedStsCall(form)) {
      write(res, stsResponse(sts, form, undefined, requestId));
      return;
    }
    if (!auth.ok) {
      write(
        res,
        errorFor(guessed, requestId, { status: 403, code: auth.kind, message: auth.message }),
      );
      deps.log(`refused unsigned request: ${auth.kind}`);
      return;
    }
    const { service, region, accessKeyId } = auth.credential;
    // STS is global and answers before faults, which model regional Cloud Control trouble.
    if (service === 'sts') {
      const response = stsResponse(sts, form ?? new URLSearchParams(), accessKeyId, requestId);
      write(res, response);
      deps.log(`sts ${region} ${form?.get('Action') ?? '?'} ${response.status}`);
      return;
    }
    if (service !== 'cloudcontrolapi' && service !== 'cloudformation') {
      write(
        res,
        errorFor(guessed, requestId, {
          status: 403,
          code: 'InvalidSignature',
          message: `Credential should be scoped to correct service: 'cloudcontrolapi', 'cloudformation' or 'sts', not '${service}'.`,
        }),
      );
      return;
    }
    const protocol: Protocol = service === 'cloudformation' ? 'query' : 'json';
    const account = accountIdFor(accessKeyId);
    const params = protocol === 'query' ? new URLSearchParams(body.text) : undefined;
    const operation =
      (protocol === 'query'
        ? params?.get('Action')
        : operationFromTarget(header(req, 'x-amz-target'))) ?? 'Unknown';

    const decision = deps.faults.decide(account, region, operation);
    if (decision.fault?.kind === 'refuse') {
      deps.log(`${service} ${region} ${operation}: refused (region down)`);
      req.socket.destroy();
      return;
    }
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (req.socket.destroyed) return;

    let response: WireResponse;
    if (decision.fault) {
      response = faultResponse(protocol, decision.fault, requestId, { account, region }, operation);
    } else if (protocol === 'json') {
      response = answerJson(
        deps.cloudControl,
        req,
        body.text,
        requestId,
        { account, region },
        deps.log,
      );
    } else {
      response = await answerQuery(
        deps.cloudFormation,
        params ?? new URLSearchParams(),
        requestId,
        {
          account,
          region,
        },
        deps.log,
      );
    }
    write(res, response);
    deps.log(`${service} ${region} ${operation} ${response.status} ${Date.now() - started}ms`);
  };
}

function answerJson(
  cloudControl: CloudControlService,
  req: IncomingMessage,
  text: string,
  requestId: string,
  context: { account: string; region: string },
  log: (line: string) => void,
): WireResponse {
  const target = header(req, 'x-amz-target') ?? '';
  const operation = operationFromTarget(target);
  try {
    if (!operation) {
      throw unknownOperationError(target);
    }
    let input: unknown;
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw serializationError('The request body is not valid JSON.');
    }
    return jsonResponse(cloudControl.handle(operation, input, context), requestId);
  } catch (error) {
    if (error instanceof ServiceError) return jsonErrorResponse(error, requestId);
    log(
      `internal error in ${operation ?? target}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return jsonErrorResponse(
      cloudControlError(
        'ServiceInternalErrorException',
        'An internal error occurred in the sandbox.',
      ),
      requestId,
    );
  }
}

async function answerQuery(
  handler: CloudFormationQueryHandler,
  params: URLSearchParams,
  requestId: string,
  context: { account: string; region: string },
  log: (line: string) => void,
): Promise<WireResponse> {
  try {
    const { status, body } = await handler(params, { ...context, requestId });
    return {
      status,
      headers: { 'Content-Type': xmlContentType, 'x-amzn-RequestId': requestId },
      body,
    };
  } catch (error) {
    log(
      `internal error in ${params.get('Action') ?? '?'}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return xmlError(requestId, {
      status: 500,
      type: 'Receiver',
      code: 'InternalFailure',
      message:
        'The request processing has failed because of an unknown error, exception or failure.',
    });
  }
}

function stsResponse(
  sts: StsQueryHandler,
  params: URLSearchParams,
  accessKeyId: string | undefined,
  requestId: string,
): WireResponse {
  const { status, body } = sts(params, { accessKeyId, requestId });
  return {
    status,
    headers: { 'Content-Type': xmlContentType, 'x-amzn-RequestId': requestId },
    body,
  };
}

function faultResponse(
  protocol: Protocol,
  fault: Exclude<Fault, { kind: 'refuse' }>,
  requestId: string,
  context: { account: string; region: string },
  operation: string,
): WireResponse {
  const { account, region } = context;
  const action = `cloudformation:${operation}`;
  const user = `User: arn:aws:iam::${account}:user/sandbox is not authorized to perform: ${action}`;
  const because = `because no identity-based policy allows the ${action} action`;
  if (protocol === 'query') {
    const denied = `${user} ${because}`;
    const errors: Record<typeof fault.kind, QueryError> = {
      unavailable: {
        status: 503,
        type: 'Receiver',
        code: 'ServiceUnavailable',
        message: 'Service Unavailable',
      },
      accessDenied: { status: 403, type: 'Sender', code: 'AccessDenied', message: denied },
      throttle: { status: 400, type: 'Sender', code: 'Throttling', message: 'Rate exceeded' },
      serverError: {
        status: 500,
        type: 'Receiver',
        code: 'InternalFailure',
        message:
          'The request processing has failed because of an unknown error, exception or failure.',
      },
    };
    return xmlError(requestId, errors[fault.kind]);
  }
  const errors: Record<typeof fault.kind, ServiceError> = {
    unavailable: new ServiceError(
      'ServiceUnavailableException',
      503,
      'Service Unavailable',
      '',
      'message',
    ),
    // As AWS answers it (aws/aws-sdk#140): coral's AccessDeniedException, 400, naming the
    // Cloud Control resource ARN.
    accessDenied: new ServiceError(
      'AccessDeniedException',
      400,
      `${user} on resource: arn:aws:cloudformation:${region}:${account}:resource/* ${because}`,
      'com.amazon.coral.service',
    ),
    // Throttling comes from the front door with a bare name.
    throttle: new ServiceError('ThrottlingException', 400, 'Rate exceeded', ''),
    serverError: cloudControlError(
      'ServiceInternalErrorException',
      'We encountered an internal error. Please try again.',
    ),
  };
  return jsonErrorResponse(errors[fault.kind], requestId);
}

function errorFor(
  protocol: Protocol,
  requestId: string,
  error: { status: number; code: string; message: string },
): WireResponse {
  if (protocol === 'query') return xmlError(requestId, { ...error, type: 'Sender' });
  return jsonErrorResponse(
    new ServiceError(
      `${error.code}Exception`.replace(/ExceptionException$/, 'Exception'),
      error.status,
      error.message,
      '',
    ),
    requestId,
  );
}

function xmlError(requestId: string, error: QueryError): WireResponse {
  return {
    status: error.status,
    headers: { 'Content-Type': xmlContentType, 'x-amzn-RequestId': requestId },
    body: xmlErrorBody(error, requestId),
  };
}

function write(res: ServerResponse, response: WireResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, {
    ...response.headers,
    'Content-Length': Buffer.byteLength(response.body),
    Date: new Date().toUTCString(),
  });
  res.end(response.body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isForm(req: IncomingMessage): boolean {
  return (header(req, 'content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
}
