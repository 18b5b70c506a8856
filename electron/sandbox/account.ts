import { createHash } from 'node:crypto';

/**
 * The 12-digit account id the sandbox assigns to an access key id. Deterministic, so the
 * same credentials always see the same account (and ARNs), and two keys are two accounts.
 */
export function accountIdFor(accessKeyId: string): string {
  const digest = createHash('sha256').update(`cloudshelf-sandbox:${accessKeyId}`).digest();
  // 48 bits spread well over 12 decimal digits; a leading 1–9 keeps ids looking real.
  const value = digest.readUIntBE(0, 6) % 900_000_000_000;
  return String(100_000_000_000 + value);
}
