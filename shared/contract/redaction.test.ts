import { describe, expect, it } from 'vitest';
import { carriesRedactions, REDACTED } from './redaction';

describe('carriesRedactions', () => {
  it('finds the marker anywhere in a DesiredState or a patch', () => {
    expect(
      carriesRedactions({
        desiredState: { User: { Login: [{ Password: REDACTED }] } },
        patch: null,
      }),
    ).toBe(true);
    expect(
      carriesRedactions({
        desiredState: null,
        patch: [{ op: 'replace', path: '/MasterUserPassword', value: REDACTED }],
      }),
    ).toBe(true);
  });

  it('is false for a request whose values were all kept', () => {
    expect(carriesRedactions({ desiredState: { Name: 'kept', Tags: [] }, patch: null })).toBe(
      false,
    );
    expect(carriesRedactions({ desiredState: null, patch: null })).toBe(false);
  });
});
