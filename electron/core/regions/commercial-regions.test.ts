import { describe, expect, it } from 'vitest';
import { COMMERCIAL_REGIONS } from './commercial-regions';

describe('COMMERCIAL_REGIONS', () => {
  it('has unique, well-formed codes and 17 regions enabled by default', () => {
    const codes = COMMERCIAL_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z]{2}-[a-z]+-\d$/);
    expect(COMMERCIAL_REGIONS.filter((r) => !r.optIn)).toHaveLength(17);
  });
});
