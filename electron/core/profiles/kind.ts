import type { ProfileKind } from '../../../shared/contract';

type Section = Readonly<Record<string, string | undefined>>;

const has = (section: Section, key: string): boolean => typeof section[key] === 'string';

/**
 * How the SDK's `fromIni` will resolve this profile, checked in the SDK's own order
 * (assume-role first, then static keys, web identity, credential_process, SSO).
 */
export function profileKind(section: Section): ProfileKind {
  if (
    has(section, 'role_arn') &&
    (has(section, 'source_profile') || has(section, 'credential_source'))
  )
    return 'assume-role';
  if (has(section, 'aws_access_key_id') && has(section, 'aws_secret_access_key'))
    return 'static-keys';
  if (has(section, 'web_identity_token_file') && has(section, 'role_arn')) return 'web-identity';
  if (has(section, 'credential_process')) return 'credential-process';
  if (
    ['sso_session', 'sso_start_url', 'sso_account_id', 'sso_role_name'].some((k) => has(section, k))
  )
    return 'sso';
  return 'unknown';
}
