import { validationError } from './query-errors';

// ListTypes' NextToken: opaque to callers, it records the last type name returned so a
// page boundary stays put even if the filters repeat with another MaxResults.

interface PagePosition {
  after: string;
}

export function encodePageToken(position: PagePosition): string {
  return Buffer.from(JSON.stringify({ v: 1, ...position }), 'utf8').toString('base64url');
}

export function decodePageToken(token: string): PagePosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'after' in value) {
      const after = value.after;
      if (typeof after === 'string') return { after };
    }
  } catch {
    // Falls through to the error below: a token we did not issue.
  }
  throw validationError('Invalid NextToken provided.');
}
