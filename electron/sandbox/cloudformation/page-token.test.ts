import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken } from './page-token';

describe('page tokens', () => {
  it('round-trip and look opaque', () => {
    const token = encodePageToken({ after: 'AWS::SageMaker::Image' });
    expect(token).not.toContain('SageMaker');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageToken(token)).toEqual({ after: 'AWS::SageMaker::Image' });
  });

  it('refuse tokens we did not issue', () => {
    for (const token of ['garbage', Buffer.from('{"x":1}').toString('base64url'), '']) {
      expect(() => decodePageToken(token)).toThrow('Invalid NextToken provided.');
    }
  });
});
