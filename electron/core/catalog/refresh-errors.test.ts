import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../../shared/contract';
import { refreshError } from './refresh-errors';

function sdkError(name: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} happened`), { name, ...extra });
}

describe('refreshError', () => {
  it('explains access denied with the permissions to grant', () => {
    const error = refreshError(sdkError('AccessDeniedException'), 'dev', 'eu-west-1');
    expect(error.code).toBe('Forbidden');
    expect(error.message).toContain('eu-west-1');
    expect(error.hint).toContain('cloudformation:ListTypes');
  });

  it('classifies credentials, throttling, network and other failures', () => {
    expect(refreshError(sdkError('ExpiredTokenException'), 'p', 'r').code).toBe('Unauthorized');
    expect(refreshError(sdkError('ThrottlingException'), 'p', 'r').message).toContain('throttled');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(refreshError(refused, 'p', 'us-east-1').message).toContain('could not reach');
    expect(refreshError(sdkError('Weird'), 'p', 'r').message).toContain('Weird happened');
    expect(refreshError('string', 'p', 'r').code).toBe('Unavailable');
  });

  it('passes CloudshelfErrors through (e.g. from the session provider)', () => {
    const original = new CloudshelfError('Unauthorized', 'SSO expired', 'aws sso login');
    expect(refreshError(original, 'p', 'r')).toBe(original);
  });
});
