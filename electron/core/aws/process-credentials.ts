import type { Credentials } from './memoize';

/**
 * Reads what a credential_process printed, with the SDK's own rules and wording
 * (@aws-sdk/credential-provider-process), so credentialError explains it the same way.
 * The output itself never reaches an error: it holds the secret.
 */
export function parseProcessCredentials(profile: string, stdout: string): Credentials {
  let data: unknown;
  try {
    data = JSON.parse(stdout.trim());
  } catch {
    throw new Error(`Profile ${profile} credential_process returned invalid JSON.`);
  }
  const fields = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (fields.Version !== 1) {
    throw new Error(`Profile ${profile} credential_process did not return Version 1.`);
  }
  const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = fields;
  if (typeof AccessKeyId !== 'string' || typeof SecretAccessKey !== 'string') {
    throw new Error(`Profile ${profile} credential_process returned invalid credentials.`);
  }
  const expiration = typeof Expiration === 'string' ? new Date(Expiration) : undefined;
  if (expiration && expiration.getTime() < Date.now()) {
    throw new Error(`Profile ${profile} credential_process returned expired credentials.`);
  }
  return {
    accessKeyId: AccessKeyId,
    secretAccessKey: SecretAccessKey,
    ...(typeof SessionToken === 'string' && SessionToken !== ''
      ? { sessionToken: SessionToken }
      : {}),
    ...(expiration ? { expiration } : {}),
  };
}
