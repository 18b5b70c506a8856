import { describe, expect, it } from 'vitest';
import { PageTokens } from './page-token';

describe('PageTokens', () => {
  const tokens = new PageTokens('secret');

  it('round-trips an offset for the same list', () => {
    const token = tokens.encode('acct/us-east-1/AWS::SageMaker::Image', 25);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(tokens.decode('acct/us-east-1/AWS::SageMaker::Image', token)).toBe(25);
  });

  it('refuses a token from another list, another sandbox, or one edited by hand', () => {
    const token = tokens.encode('list-a', 25);
    expect(tokens.decode('list-b', token)).toBeUndefined();
    expect(new PageTokens('other').decode('list-a', token)).toBeUndefined();
    const text = Buffer.from(token, 'base64url').toString('utf8');
    const edited = Buffer.from(text.replace(/^25/, '50')).toString('base64url');
    expect(tokens.decode('list-a', edited)).toBeUndefined();
    expect(tokens.decode('list-a', 'garbage')).toBeUndefined();
  });
});
