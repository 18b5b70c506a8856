import type { fromIni } from '@aws-sdk/credential-providers';

/** The SDK's credential provider and identity types, without depending on @smithy/types. */
export type CredentialProvider = ReturnType<typeof fromIni>;
export type Credentials = Awaited<ReturnType<CredentialProvider>>;

export interface MemoizedCredentials {
  (): Promise<Credentials>;
  /** Drops what is cached, so the next call resolves afresh. */
  forget(): void;
}

/** Refresh this long before expiry, so a long scan never signs with an expiring key. */
const refreshMarginMs = 5 * 60_000;

/**
 * One resolution shared by every client of a profile: all regions' clients wait on the
 * same promise, so a profile asks for MFA once, not once per region. Failures are not
 * cached; credentials without an expiry are kept until `forget`.
 */
export function memoizeCredentials(
  resolve: () => Promise<Credentials>,
  now: () => number = Date.now,
): MemoizedCredentials {
  let current: Promise<Credentials> | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  const provider = (): Promise<Credentials> => {
    if (current && now() < expiresAt - refreshMarginMs) return current;
    const attempt = resolve().then(
      (credentials) => {
        expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
        return credentials;
      },
      (error: unknown) => {
        if (current === attempt) current = undefined;
        throw error;
      },
    );
    current = attempt;
    expiresAt = Number.POSITIVE_INFINITY;
    return attempt;
  };
  provider.forget = () => {
    current = undefined;
  };
  return provider;
}
