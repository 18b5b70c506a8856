import { randomBytes } from 'node:crypto';
import { temporaryAccessKeyIdFor } from '../account';

/** Who a temporary key was issued to, so GetCallerIdentity can answer as AWS does. */
export interface RoleSession {
  account: string;
  roleName: string;
  sessionName: string;
  roleId: string;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Enough for any test run; the oldest sessions are forgotten first. */
const maxSessions = 10_000;

/** The temporary credentials the sandbox's STS has handed out, by access key id. */
export class RoleSessions {
  readonly #byKey = new Map<string, RoleSession>();

  issue(session: RoleSession, expiration: Date): IssuedCredentials {
    const accessKeyId = temporaryAccessKeyIdFor(session.account);
    this.#byKey.set(accessKeyId, session);
    if (this.#byKey.size > maxSessions) {
      const oldest = this.#byKey.keys().next().value;
      if (oldest !== undefined) this.#byKey.delete(oldest);
    }
    return {
      accessKeyId,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(96).toString('base64')}`,
      expiration,
    };
  }

  find(accessKeyId: string): RoleSession | undefined {
    return this.#byKey.get(accessKeyId);
  }
}
