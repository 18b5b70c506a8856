import { createHmac, randomBytes } from 'node:crypto';

/**
 * Opaque NextTokens: an offset plus a MAC over (what was listed, offset), so a token from
 * another list or one that was edited is refused instead of silently misread.
 */
export class PageTokens {
  constructor(private readonly secret: string = randomBytes(16).toString('hex')) {}

  encode(scope: string, offset: number): string {
    return Buffer.from(`${offset}.${this.mac(scope, offset)}`).toString('base64url');
  }

  /** The offset, or undefined for a token this list did not issue. */
  decode(scope: string, token: string): number | undefined {
    const text = Buffer.from(token, 'base64url').toString('utf8');
    const match = /^(\d{1,9})\.([0-9a-f]{32})$/.exec(text);
    if (!match) return undefined;
    const offset = Number(match[1]);
    return match[2] === this.mac(scope, offset) ? offset : undefined;
  }

  private mac(scope: string, offset: number): string {
    return createHmac('sha256', this.secret)
      .update(`${scope}\n${offset}`)
      .digest('hex')
      .slice(0, 32);
  }
}
