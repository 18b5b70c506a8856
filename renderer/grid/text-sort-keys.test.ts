import { describe, expect, it } from 'vitest';
import { collator } from './collate';
import { randomText } from './random-text';
import { seededRandom } from './seeded-random';
import { rankTexts, TextSortKeys } from './text-sort-keys';

describe('rankTexts', () => {
  it('ranks like a collator sort, equal texts sharing a rank, empty text last', () => {
    const random = seededRandom(11);
    const texts = Array.from({ length: 3000 }, () => (random() < 0.05 ? '' : randomText(random)));
    const { ranks, missing } = rankTexts(texts, texts.length);
    for (let i = 0; i < 3000; i++) {
      const a = Math.floor(random() * texts.length);
      const b = Math.floor(random() * texts.length);
      const ta = texts[a] ?? '';
      const tb = texts[b] ?? '';
      const ra = ranks[a] ?? -1;
      const rb = ranks[b] ?? -1;
      if (ta === '' || tb === '') {
        expect(ra === missing, ta).toBe(ta === '');
        expect(rb === missing, tb).toBe(tb === '');
        continue;
      }
      expect(Math.sign(ra - rb), `${ta} vs ${tb}`).toBe(Math.sign(collator.compare(ta, tb)));
    }
    // Dense: every rank below missing is used.
    expect(new Set(ranks).size).toBe(missing + (texts.includes('') ? 1 : 0));
  });

  it('handles text only the collator can order', () => {
    const texts = [
      'zebra',
      'Éclair',
      'eclair',
      'apple',
      'ápple',
      '日本',
      '',
      'x'.repeat(3) + '9'.repeat(80),
    ];
    const { ranks, missing } = rankTexts(texts, texts.length);
    const order = texts
      .map((t, i) => ({ t, r: ranks[i] ?? 0 }))
      .filter((e) => e.t !== '')
      .sort((a, b) => a.r - b.r)
      .map((e) => e.t);
    const expected = texts.filter((t) => t !== '').sort(collator.compare);
    expect(order.map((t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())).toEqual(
      expected.map((t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()),
    );
    expect(ranks[texts.indexOf('Éclair')]).toBe(ranks[texts.indexOf('eclair')]);
    expect(ranks[texts.indexOf('')]).toBe(missing);
  });
});

describe('TextSortKeys', () => {
  it('ranks correctly after many replaced keys (their bytes collected) and moves', () => {
    const random = seededRandom(3);
    const n = 5000;
    const keys = new TextSortKeys();
    let texts: string[] = [];
    for (let round = 0; round < 12; round++) {
      texts = Array.from({ length: n }, () => `${randomText(random)}-${'x'.repeat(30)}`);
      texts.forEach((t, slot) => {
        keys.set(slot, t);
      });
    }
    // Drop the first half the way compaction does.
    for (let slot = n / 2; slot < n; slot++) keys.move(slot, slot - n / 2);
    keys.truncate(n / 2);
    const kept = texts.slice(n / 2);
    expect([...keys.rank(kept, kept.length).ranks]).toEqual([
      ...rankTexts(kept, kept.length).ranks,
    ]);
  });
});
