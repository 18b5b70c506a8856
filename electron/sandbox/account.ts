import { createHash, randomInt } from 'node:crypto';

/**
 * Temporary keys the sandbox's STS issues carry the account they act in:
 * `ASIA` + 12 digits + 4 characters (20 characters, like AWS's). Real AWS keys are base32
 * (no 0 or 1), so a real key essentially never matches, and long-term keys keep their hash.
 */
const temporaryKey = /^ASIA(\d{12})[A-Z0-9]{4}$/;
const suffixAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The 12-digit account id the sandbox assigns to an access key id. Deterministic, so the
 * same credentials always see the same account (and ARNs), and two keys are two accounts.
 * A temporary key from the sandbox's STS (AssumeRole) sees the role's account.
 */
export function accountIdFor(accessKeyId: string): string {
  const temporary = temporaryKey.exec(accessKeyId);
  if (temporary?.[1]) return temporary[1];
  const digest = createHash('sha256').update(`cloudshelf-sandbox:${accessKeyId}`).digest();
  // 48 bits spread well over 12 decimal digits; a leading 1–9 keeps ids looking real.
  const value = digest.readUIntBE(0, 6) % 900_000_000_000;
  return String(100_000_000_000 + value);
}

/** A fresh temporary access key id that `accountIdFor` maps to `account`. */
export function temporaryAccessKeyIdFor(account: string): string {
  if (!/^\d{12}$/.test(account)) throw new Error(`not an account id: ${account}`);
  let suffix = '';
  for (let i = 0; i < 4; i++) suffix += suffixAlphabet[randomInt(suffixAlphabet.length)] ?? 'X';
  return `ASIA${account}${suffix}`;
}

export function isTemporaryAccessKeyId(accessKeyId: string): boolean {
  return temporaryKey.test(accessKeyId);
}
