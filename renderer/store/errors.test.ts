import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../shared/contract';
import { toDisplayError } from './errors';

describe('toDisplayError', () => {
  it('keeps the code, message and hint of a CloudshelfError', () => {
    expect(toDisplayError(new CloudshelfError('Forbidden', 'No.', 'Ask.'))).toEqual({
      code: 'Forbidden',
      message: 'No.',
      hint: 'Ask.',
    });
  });

  it('shows only the message of other errors, never the stack', () => {
    const error = new TypeError('Boom');
    const shown = toDisplayError(error);
    expect(shown).toEqual({ code: 'Internal', message: 'Boom' });
    expect(JSON.stringify(shown)).not.toContain('at ');
  });

  it('falls back to a sentence for values that are not errors', () => {
    expect(toDisplayError('x').message).toBe('Cloudshelf hit an unexpected problem.');
    expect(toDisplayError({ message: '' }).message).toBe('Cloudshelf hit an unexpected problem.');
    expect(toDisplayError({ message: 'm', code: 'Bogus' }).code).toBe('Internal');
  });
});
