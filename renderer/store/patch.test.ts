import { describe, expect, it } from 'vitest';
import { applyPatchTo, patchFor } from './patch';

describe('patchFor', () => {
  it('lists only what changed', () => {
    const initial = { ImageName: 'a', ImageDescription: 'old', Tags: [{ Key: 'k', Value: 'v' }] };
    const edited = { ImageName: 'a', ImageDescription: 'new', Tags: [{ Key: 'k', Value: 'v' }] };
    expect(patchFor(initial, edited)).toEqual([
      { op: 'replace', path: '/ImageDescription', value: 'new' },
    ]);
  });

  it('adds and removes properties', () => {
    expect(patchFor({ A: 1 }, { B: 2 })).toEqual([
      { op: 'remove', path: '/A' },
      { op: 'add', path: '/B', value: 2 },
    ]);
  });

  it('is empty when nothing changed', () => {
    expect(patchFor({ A: { B: [1] } }, { A: { B: [1] } })).toEqual([]);
  });
});

describe('applyPatchTo', () => {
  it('applies a patch without touching the input', () => {
    const properties = { ImageName: 'a', ImageDescription: 'old' };
    const next = applyPatchTo(properties, [
      { op: 'replace', path: '/ImageDescription', value: 'new' },
    ]);
    expect(next).toEqual({ ImageName: 'a', ImageDescription: 'new' });
    expect(properties.ImageDescription).toBe('old');
  });

  it('answers null when the patch does not apply', () => {
    expect(applyPatchTo({}, [{ op: 'replace', path: '/Missing', value: 1 }])).toBeNull();
  });
});
