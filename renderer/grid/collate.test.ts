import { describe, expect, it } from 'vitest';
import { collator, compareTexts, hasFastOrder } from './collate';
import { randomText } from './random-text';
import { seededRandom } from './seeded-random';

describe('compareTexts', () => {
  it('orders ASCII without the collator in an English locale', () => {
    if (collator.resolvedOptions().locale.startsWith('en')) expect(hasFastOrder()).toBe(true);
  });

  it('orders numbers inside text by value, and ignores case', () => {
    expect(compareTexts('image-2', 'image-10')).toBe(-1);
    expect(compareTexts('image-10', 'image-9')).toBe(1);
    expect(compareTexts('Image-2', 'image-2')).toBe(0);
    expect(compareTexts('a', 'B')).toBe(-1);
    expect(compareTexts('a', 'a1')).toBe(-1);
  });

  it('agrees with Intl.Collator (numeric, base) on random text', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5000; i++) {
      const a = randomText(random);
      const b = random() < 0.3 ? a.toUpperCase() : randomText(random);
      expect(compareTexts(a, b), `${a} vs ${b}`).toBe(Math.sign(collator.compare(a, b)));
    }
  });
});
