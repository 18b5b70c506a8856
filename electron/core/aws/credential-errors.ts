import { CloudshelfError } from '../../../shared/contract';
import type { ResolvedProfile } from '../profiles/resolve';

interface ErrorFacts {
  name: string;
  message: string;
  code: string | undefined;
  /** Set by the SDK on errors AWS (or the sandbox) answered. */
  fromService: boolean;
}

function factsOf(error: unknown): ErrorFacts {
  if (!(error instanceof Error)) {
    return { name: 'Error', message: String(error), code: undefined, fromService: false };
  }
  const extra = error as Error & { code?: unknown; $metadata?: unknown };
  return {
    name: error.name,
    message: error.message,
    code: typeof extra.code === 'string' ? extra.code : undefined,
    fromService: extra.$metadata !== undefined,
  };
}

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

/** The credential_process failures the SDK words itself; nothing of the command's output. */
const processReasons: readonly [RegExp, string][] = [
  [/returned invalid JSON/, 'printed something that is not JSON'],
  [/did not return Version 1/, 'did not print "Version": 1'],
  [/returned invalid credentials/, 'printed no AccessKeyId or SecretAccessKey'],
  [/returned expired credentials/, 'printed credentials that have already expired'],
];

function unreachable(profile: ResolvedProfile, facts: ErrorFacts): CloudshelfError | undefined {
  if (!(facts.code && networkCodes.has(facts.code)) && facts.name !== 'TimeoutError') {
    return undefined;
  }
  const name = profile.details.name;
  return new CloudshelfError(
    'Unavailable',
    `Could not reach AWS for profile ${name} (${facts.code ?? facts.name}).`,
    profile.details.endpointUrl
      ? `Check that ${profile.details.endpointUrl} (the profile's endpoint) is running, then try again.`
      : 'Check the network connection, then try again.',
  );
}

/** STS refusals while assuming a role: a wrong MFA code, or a role the source may not use. */
function assumeRoleRefusal(
  profile: ResolvedProfile,
  facts: ErrorFacts,
): CloudshelfError | undefined {
  if (!facts.fromService) return undefined;
  const name = profile.details.name;
  if (/MultiFactorAuthentication/i.test(facts.message)) {
    return new CloudshelfError(
      'Unauthorized',
      `AWS did not accept the MFA code for profile ${name}.`,
      `Enter the current 6-digit code from ${profile.mfaSerial ?? 'your MFA device'}, then try again.`,
    );
  }
  if (facts.name === 'AccessDenied' || facts.name === 'AccessDeniedException') {
    return new CloudshelfError(
      'Forbidden',
      `AWS refused to let profile ${name} assume its role: ${facts.message}`,
      `Check role_arn in [profile ${name}] of ${profile.paths.config} and the role's trust policy.`,
    );
  }
  return undefined;
}

/**
 * Turns a failure to get credentials into what the user should do, per kind of profile.
 * Messages never quote command output or file contents, which may hold secrets.
 */
export function credentialError(error: unknown, profile: ResolvedProfile): CloudshelfError {
  if (error instanceof CloudshelfError) return error;
  const facts = factsOf(error);
  const { name, kind } = profile.details;
  const { config, credentials } = profile.paths;
  const network = unreachable(profile, facts);
  if (network) return network;

  if (kind === 'sso') {
    if (
      /invalid SSO credentials|missing required property|could not be found|Conflicting/i.test(
        facts.message,
      )
    ) {
      return new CloudshelfError(
        'Unauthorized',
        `The SSO settings of profile ${name} are incomplete.`,
        `Give [profile ${name}] in ${config} an sso_session (with sso_start_url and sso_region), sso_account_id and sso_role_name, or run "aws configure sso --profile ${name}".`,
      );
    }
    return new CloudshelfError(
      'Unauthorized',
      `The SSO session for profile ${name} has expired or was never signed in.`,
      `Run "aws sso login --profile ${name}", then try again.`,
    );
  }
  if (kind === 'credential-process') {
    const reason = processReasons.find(([pattern]) => pattern.test(facts.message))?.[1] ?? 'failed';
    return new CloudshelfError(
      'Unauthorized',
      `The credential_process command of profile ${name} ${reason}.`,
      `Run the credential_process command of [profile ${name}] in ${config} in a terminal to see why.`,
    );
  }
  if (kind === 'assume-role' || kind === 'web-identity') {
    const refusal = assumeRoleRefusal(profile, facts);
    if (refusal) return refusal;
    if (/cycle/i.test(facts.message)) {
      return new CloudshelfError(
        'Unauthorized',
        `The source_profile settings starting at profile ${name} form a loop.`,
        `Fix source_profile in [profile ${name}] of ${config} so the chain ends at a profile with keys.`,
      );
    }
    if (
      kind === 'web-identity' &&
      (facts.code === 'ENOENT' || /token file|ENOENT/i.test(facts.message))
    ) {
      return new CloudshelfError(
        'Unauthorized',
        `The web identity token file of profile ${name} could not be read.`,
        `Fix web_identity_token_file in [profile ${name}] of ${config}.`,
      );
    }
    if (/Could not resolve credentials using profile/.test(facts.message)) {
      return new CloudshelfError(
        'Unauthorized',
        `The source profile of profile ${name} has no usable credentials.`,
        `Give the profile named by source_profile in [profile ${name}] keys in ${credentials}, or fix source_profile in ${config}.`,
      );
    }
  }
  if (
    /Could not resolve credentials|did not contain|not found/i.test(facts.message) ||
    kind === 'unknown'
  ) {
    return new CloudshelfError(
      'Unauthorized',
      `Profile ${name} has no credentials Cloudshelf can use.`,
      `Add aws_access_key_id and aws_secret_access_key to [${name}] in ${credentials}, or sso_session, role_arn with source_profile, or credential_process to [profile ${name}] in ${config}.`,
    );
  }
  return new CloudshelfError(
    'Unauthorized',
    `Could not get credentials for profile ${name} (${facts.name}).`,
    `Check [profile ${name}] in ${config} and ${credentials}.`,
  );
}

/**
 * A failure of a call made with resolved credentials (e.g. GetCallerIdentity). Key
 * problems say which file to fix; anything else keeps AWS's own (secret-free) wording.
 */
export function callError(error: unknown, profile: ResolvedProfile, what: string): CloudshelfError {
  if (error instanceof CloudshelfError) return error;
  const facts = factsOf(error);
  const network = unreachable(profile, facts);
  if (network) return network;
  const { name } = profile.details;
  if (
    ['InvalidClientTokenId', 'SignatureDoesNotMatch', 'UnrecognizedClientException'].includes(
      facts.name,
    )
  ) {
    return new CloudshelfError(
      'Unauthorized',
      `AWS does not accept the access key of profile ${name}.`,
      profile.details.kind === 'static-keys'
        ? `Update aws_access_key_id and aws_secret_access_key for [${name}] in ${profile.paths.credentials}.`
        : `Check how [profile ${name}] in ${profile.paths.config} gets its credentials.`,
    );
  }
  if (facts.name === 'ExpiredToken' || facts.name === 'ExpiredTokenException') {
    return new CloudshelfError(
      'Unauthorized',
      `The temporary credentials of profile ${name} have expired.`,
      profile.details.signInCommand
        ? `Run "${profile.details.signInCommand}", then try again.`
        : `Refresh the credentials of [${name}] in ${profile.paths.credentials}, then try again.`,
    );
  }
  if (facts.fromService) {
    return new CloudshelfError(
      facts.name.startsWith('AccessDenied') ? 'Forbidden' : 'Unavailable',
      `${what} failed for profile ${name}: ${facts.message}`,
    );
  }
  return new CloudshelfError('Unavailable', `${what} failed for profile ${name} (${facts.name}).`);
}
