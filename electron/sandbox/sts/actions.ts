import { createHash } from 'node:crypto';
import { accountIdFor, isTemporaryAccessKeyId } from '../account';
import { element, textElement, timestampElement } from '../cloudformation/xml';
import { accessDenied, StsError, validationError } from './errors';
import type { RoleSessions } from './sessions';

export interface StsActionContext {
  /** From the SigV4 scope; absent on AssumeRoleWithWebIdentity, which AWS takes unsigned. */
  accessKeyId: string | undefined;
  sessions: RoleSessions;
  now: Date;
}

/** Returns the inner XML of `<ActionResult>`. */
export type StsAction = (params: URLSearchParams, context: StsActionContext) => string;

const roleArnPattern = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const sessionNamePattern = /^[\w+=,.@-]{2,64}$/;

/** Stable ids in AWS's shape (`AIDA…` users, `AROA…` roles), derived from what they name. */
function uniqueId(prefix: string, seed: string): string {
  return prefix + createHash('sha256').update(seed).digest('hex').slice(0, 17).toUpperCase();
}

function signedKey(context: StsActionContext): string {
  if (context.accessKeyId === undefined) {
    throw new StsError('MissingAuthenticationToken', 403, 'Missing Authentication Token');
  }
  return context.accessKeyId;
}

interface RoleRequest {
  account: string;
  roleName: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
}

/** AWS's constraint wording: `1 validation error detected: Value … at 'roleArn' failed …`. */
function readRoleRequest(params: URLSearchParams): RoleRequest {
  const roleArn = params.get('RoleArn') ?? '';
  const sessionName = params.get('RoleSessionName') ?? '';
  const role = roleArnPattern.exec(roleArn);
  if (!role?.[1] || !role[2]) {
    throw validationError(
      `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must be a valid IAM role ARN`,
    );
  }
  if (!sessionNamePattern.test(sessionName)) {
    throw validationError(
      `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
    );
  }
  const duration = Number(params.get('DurationSeconds') ?? '3600');
  if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
    throw validationError(
      `1 validation error detected: Value '${String(params.get('DurationSeconds'))}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
    );
  }
  return { account: role[1], roleName: role[2], roleArn, sessionName, durationSeconds: duration };
}

function roleCredentialsXml(request: RoleRequest, context: StsActionContext): string {
  const roleId = uniqueId('AROA', `${request.account}:${request.roleName}`);
  const expiration = new Date(context.now.getTime() + request.durationSeconds * 1000);
  const issued = context.sessions.issue(
    {
      account: request.account,
      roleName: request.roleName,
      sessionName: request.sessionName,
      roleId,
    },
    expiration,
  );
  return (
    element(
      'Credentials',
      textElement('AccessKeyId', issued.accessKeyId) +
        textElement('SecretAccessKey', issued.secretAccessKey) +
        textElement('SessionToken', issued.sessionToken) +
        timestampElement('Expiration', issued.expiration),
    ) +
    element(
      'AssumedRoleUser',
      textElement(
        'Arn',
        `arn:aws:sts::${request.account}:assumed-role/${request.roleName}/${request.sessionName}`,
      ) + textElement('AssumedRoleId', `${roleId}:${request.sessionName}`),
    ) +
    textElement('PackedPolicySize', 6)
  );
}

/** The identity behind the signing key: a user for long-term keys, a role session otherwise. */
const getCallerIdentity: StsAction = (_params, context) => {
  const accessKeyId = signedKey(context);
  const account = accountIdFor(accessKeyId);
  const session = context.sessions.find(accessKeyId);
  if (session || isTemporaryAccessKeyId(accessKeyId)) {
    // A temporary key from an earlier sandbox run still names its account.
    const role = session ?? {
      roleName: 'sandbox',
      sessionName: 'sandbox',
      roleId: uniqueId('AROA', `${account}:sandbox`),
    };
    return (
      textElement('UserId', `${role.roleId}:${role.sessionName}`) +
      textElement('Account', account) +
      textElement(
        'Arn',
        `arn:aws:sts::${account}:assumed-role/${role.roleName}/${role.sessionName}`,
      )
    );
  }
  return (
    textElement('UserId', uniqueId('AIDA', `${account}:sandbox`)) +
    textElement('Account', account) +
    textElement('Arn', `arn:aws:iam::${account}:user/sandbox`)
  );
};

/**
 * With SerialNumber, TokenCode must be six digits; `000000` stands for a wrong code so tests
 * can see AWS's MFA failure. The role's trust policy is not modelled: any caller may assume.
 */
const assumeRole: StsAction = (params, context) => {
  signedKey(context);
  const request = readRoleRequest(params);
  const serial = params.get('SerialNumber');
  if (serial !== null) {
    const code = params.get('TokenCode') ?? '';
    if (!/^\d{6}$/.test(code) || code === '000000') {
      throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    }
  }
  return roleCredentialsXml(request, context);
};

const assumeRoleWithWebIdentity: StsAction = (params, context) => {
  const request = readRoleRequest(params);
  const token = params.get('WebIdentityToken') ?? '';
  if (token.trim().length < 4) {
    throw new StsError(
      'InvalidIdentityToken',
      400,
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
    );
  }
  return (
    textElement('SubjectFromWebIdentityToken', 'sandbox-subject') +
    textElement('Audience', 'sts.amazonaws.com') +
    textElement('Provider', 'sandbox.cloudshelf.local') +
    roleCredentialsXml(request, context)
  );
};

export const stsActions: Readonly<Record<string, StsAction>> = {
  GetCallerIdentity: getCallerIdentity,
  AssumeRole: assumeRole,
  AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
};
