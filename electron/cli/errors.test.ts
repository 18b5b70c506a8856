import { describe, expect, it } from 'vitest';
import { CloudshelfError } from '../../shared/contract';
import { CliError, reasonOf, regionReason } from './errors';

describe('reasonOf', () => {
  it("keeps the core's message and hint, on one line", () => {
    const error = new CloudshelfError('NotFound', 'There is no AWS profile named "x"', 'Add it.');
    expect(reasonOf(error)).toBe('There is no AWS profile named "x". Add it.');
    expect(reasonOf(new CloudshelfError('Internal', 'Broken.'))).toBe('Broken.');
  });

  it('never shows a stack, and folds line breaks', () => {
    const error = new Error('first line\n  second line');
    expect(reasonOf(error)).toBe('first line second line');
    expect(reasonOf('plain')).toBe('plain');
    expect(reasonOf(new CliError('bad flag', { usage: true }))).toBe('bad flag');
  });
});

describe('regionReason', () => {
  it('joins a region failure and its hint', () => {
    expect(regionReason({ message: 'eu-west-1 did not answer', hint: 'Check it.' })).toBe(
      'eu-west-1 did not answer. Check it.',
    );
    expect(regionReason({ message: 'Denied.' })).toBe('Denied.');
  });
});
