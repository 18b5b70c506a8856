import { escapeXml } from '../cloudformation/xml';
import { stsActions } from './actions';
import { STS_XMLNS, StsError, stsErrorXml } from './errors';
import { RoleSessions } from './sessions';

export interface StsRequestContext {
  /** From the SigV4 scope; undefined for an unsigned AssumeRoleWithWebIdentity. */
  accessKeyId: string | undefined;
  requestId: string;
}

export type StsQueryHandler = (
  params: URLSearchParams,
  context: StsRequestContext,
) => { status: number; body: string };

/** AssumeRoleWithWebIdentity is the one STS call AWS accepts without a signature. */
export function isUnsignedStsCall(params: URLSearchParams): boolean {
  return (
    params.get('Version') === '2011-06-15' && params.get('Action') === 'AssumeRoleWithWebIdentity'
  );
}

/**
 * The sandbox's STS (awsQuery, 2011-06-15): GetCallerIdentity, AssumeRole and
 * AssumeRoleWithWebIdentity. Temporary keys carry the role's account, so every other
 * sandbox service sees the assumed role's account without shared state.
 */
export function createStsHandler(clock: () => Date = () => new Date()): StsQueryHandler {
  const sessions = new RoleSessions();
  return (params, { accessKeyId, requestId }) => {
    const action = params.get('Action') ?? '';
    try {
      if (action === '') throw new StsError('MissingAction', 400, 'Missing Action');
      const run = Object.hasOwn(stsActions, action) ? stsActions[action] : undefined;
      if (!run) {
        throw new StsError(
          'InvalidAction',
          400,
          `Could not find operation ${action} for version 2011-06-15`,
        );
      }
      const result = run(params, { accessKeyId, sessions, now: clock() });
      return {
        status: 200,
        body:
          `<${action}Response xmlns="${STS_XMLNS}"><${action}Result>${result}</${action}Result>` +
          `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
          `</${action}Response>`,
      };
    } catch (error) {
      if (!(error instanceof StsError)) throw error;
      return { status: error.status, body: stsErrorXml(error, requestId) };
    }
  };
}
