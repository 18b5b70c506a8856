import { describe, expect, it } from 'vitest';
import { arnFromPattern, sampleFitting } from './pattern-values';
import { createRandom } from '../prng';
import { fitsNode } from './value-fit';

const preferences = {
  service: 'aps',
  region: 'eu-west-1',
  account: '123456789012',
  resources: ['scraper/my-scraper'],
  name: 'my-scraper',
};

describe('sampleFitting', () => {
  it('reaches exact lengths the pattern alone leaves open', () => {
    const node = { type: 'string', pattern: '^\\d+$', minLength: 12, maxLength: 12 };
    expect(sampleFitting(node, createRandom(1))).toMatch(/^\d{12}$/);
    const base62 = { pattern: '^([a-z0-9A-Z]*)$', minLength: 22, maxLength: 22 };
    expect(sampleFitting(base62, createRandom(1))).toHaveLength(22);
  });

  it('gives open-ended patterns an id-like length', () => {
    expect(sampleFitting({ pattern: '^[a-zA-Z0-9]+$' }, createRandom(1))).toHaveLength(12);
  });

  it('makes a plain token when there is no usable pattern', () => {
    expect(sampleFitting({ minLength: 3, maxLength: 5 }, createRandom(1))).toMatch(/^[a-z0-9]{5}$/);
    expect(sampleFitting({ pattern: '(?s).+' }, createRandom(1))).toMatch(/^[a-z0-9]{12}$/);
  });

  it('returns undefined when nothing can fit', () => {
    expect(sampleFitting({ pattern: '^(a)\\1$' }, createRandom(1))).toBeUndefined();
    expect(sampleFitting({ pattern: '^a$', minLength: 2 }, createRandom(1))).toBeUndefined();
  });
});

describe('arnFromPattern', () => {
  it("keeps our region and account and takes the pattern's own resource format", () => {
    const node = {
      pattern:
        '^arn:(aws|aws-us-gov|aws-cn):aps:[a-z0-9-]+:[0-9]+:scraper/s-[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}$',
    };
    const arn = arnFromPattern(node, preferences, createRandom(1));
    expect(arn).toMatch(/^arn:aws:aps:eu-west-1:123456789012:scraper\/s-[a-z0-9]{8}-/);
    expect(fitsNode(arn, node)).toBe(true);
  });

  it("uses the pattern's service and empty region where it insists", () => {
    const node = {
      pattern: '^arn:aws[-a-z0-9]*:bcm-dashboards::[0-9]{12}:dashboard/(\\*|[-a-z0-9]+)$',
    };
    const arn = arnFromPattern(
      node,
      { ...preferences, service: 'bcm', resources: ['dashboard/costs'] },
      createRandom(1),
    );
    expect(arn).toBe('arn:aws:bcm-dashboards::123456789012:dashboard/costs');
  });

  it("keeps our name as the last part of the pattern's resource format", () => {
    const node = { pattern: '^arn:aws:states:[a-z0-9-]+:\\d{12}:stateMachine:[a-z-]+$' };
    const arn = arnFromPattern(
      node,
      { ...preferences, service: 'states', resources: [], name: 'my-machine' },
      createRandom(1),
    );
    expect(arn).toBe('arn:aws:states:eu-west-1:123456789012:stateMachine:my-machine');
  });

  it('gives up on patterns that are not ARN-shaped or not usable', () => {
    expect(arnFromPattern({ pattern: '^[a-z]+$' }, preferences, createRandom(1))).toBeUndefined();
    expect(arnFromPattern({ pattern: '(?s)arn:.*' }, preferences, createRandom(1))).toBeUndefined();
    expect(arnFromPattern(undefined, preferences, createRandom(1))).toBeUndefined();
  });
});
