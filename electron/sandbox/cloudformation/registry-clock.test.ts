import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FALLBACK_DATE, typeTimestamp } from './registry-clock';
import { smallCatalog } from './test-helpers';

describe('typeTimestamp', () => {
  it("uses the snapshot file's date, else the snapshot's publication date", () => {
    const model = smallCatalog().get('AWS::Demo::Alpha');
    if (!model) throw new Error('missing');
    expect(typeTimestamp(model).toISOString()).toBe('2026-08-07T17:43:00.000Z');
    const { lastUpdated: _dropped, ...undated } = model;
    expect(typeTimestamp(undated)).toBe(SNAPSHOT_FALLBACK_DATE);
  });
});
