/**
 * Seals the write-only values the request journal keeps until AWS has accepted a request.
 * The host supplies it: the desktop app's is built on Electron's safeStorage (the system
 * keychain); browser mode and the command line keep them as they are, in a file only the
 * user can read. Core code never imports Electron, hence this interface.
 */
export interface SecretBox {
  /** Stored beside each sealed value, so a journal is opened only by a box that can. */
  readonly kind: string;
  seal(plain: string): string;
  /** Throws when the value cannot be opened (another machine's or user's keychain). */
  open(sealed: string): string;
}

/** No encryption: the journal file's mode (0600) is the only protection. */
export const plainSecretBox: SecretBox = {
  kind: 'plain',
  seal: (plain) => plain,
  open: (sealed) => sealed,
};

/** The parts of Electron's `safeStorage` the box uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * A box on Electron's safeStorage. Where the keychain is not available (a Linux session
 * without a secret service), values stay as they are in the 0600 journal, and one line says
 * so: creating a user with a password must not fail because the keyring is locked.
 * Call it once the app is ready; safeStorage cannot tell before.
 */
export function safeStorageSecretBox(
  safeStorage: SafeStorageLike,
  log: (line: string) => void,
): SecretBox {
  if (!safeStorage.isEncryptionAvailable()) {
    log(
      'requests: the system keychain is not available, so write-only values (such as passwords) wait unencrypted in requests.json, readable only by you, until AWS accepts each request',
    );
    return plainSecretBox;
  }
  return {
    kind: 'safeStorage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
