import type { JsonSchemaNode } from '../../registry/resource-schema';
import type { Random } from '../prng';
import { codePointLength } from './code-points';
import { LOWER_ALNUM, randomFrom } from './random-values';
import { samplePattern, splitTopLevel } from './regex-sample';
import { compileUnicodePattern } from './unicode-patterns';
import { fitsNode } from './value-fit';

const MAX_STRETCH = 4096;
const ATTEMPTS = 4;
/** Open-ended patterns (`^[a-z0-9]+$`) get values about this long, like real ids. */
const NATURAL_LENGTH = 12;

function lengthBounds(node: JsonSchemaNode | undefined): [number, number] {
  const min = typeof node?.minLength === 'number' ? node.minLength : 0;
  const max = typeof node?.maxLength === 'number' ? node.maxLength : Infinity;
  return [min, max];
}

/**
 * The smallest stretch whose sample is at least `target` long. A sample's length depends
 * only on the stretch (alternatives always take the first branch), so it can be searched.
 */
function stretchFor(pattern: string, target: number, random: Random): number | undefined {
  const lengthAt = (stretch: number) =>
    codePointLength(samplePattern(pattern, random, stretch) ?? '');
  if (lengthAt(0) >= target) return 0;
  let high = 1;
  while (lengthAt(high) < target) {
    high *= 2;
    if (high > MAX_STRETCH) return undefined;
  }
  let low = Math.floor(high / 2);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (lengthAt(middle) >= target) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * A string the node accepts, built from its pattern (or, without one, a token of an allowed
 * length). Undefined when nothing fitting was found, e.g. a pattern using backreferences.
 */
export function sampleFitting(
  node: JsonSchemaNode | undefined,
  random: Random,
): string | undefined {
  const [min, max] = lengthBounds(node);
  const natural = Math.min(max, Math.max(min, NATURAL_LENGTH));
  const pattern = typeof node?.pattern === 'string' ? node.pattern : undefined;
  if (!pattern || !compileUnicodePattern(pattern)) {
    const token = randomFrom(random, LOWER_ALNUM, natural);
    return fitsNode(token, node) ? token : undefined;
  }
  if (samplePattern(pattern, random) === undefined) return undefined;
  for (const target of [natural, min]) {
    const stretch = stretchFor(pattern, target, random);
    if (stretch === undefined) continue;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const sample = samplePattern(pattern, random, stretch);
      if (sample !== undefined && fitsNode(sample, node)) return sample;
    }
  }
  return undefined;
}

export interface ArnPreferences {
  service: string;
  region: string;
  account: string;
  /** Resource parts to try first (`image/my-image`), before sampling the pattern's own. */
  resources: readonly string[];
  /** The resource's name, kept as the last part of a sampled resource where it fits. */
  name: string;
}

function stripAnchors(pattern: string): string {
  let core = pattern.startsWith('^') ? pattern.slice(1) : pattern;
  if (core.endsWith('$') && !core.endsWith('\\$')) core = core.slice(0, -1);
  return core;
}

function matchesWhole(part: string, value: string): boolean {
  return compileUnicodePattern(`^(?:${part})$`)?.test(value) ?? false;
}

/** The first preferred value the segment pattern accepts, else one sampled from it. */
function segmentValue(
  part: string,
  preferred: readonly string[],
  random: Random,
  stretch: number,
): string | undefined {
  return (
    preferred.find((value) => matchesWhole(part, value)) ?? samplePattern(part, random, stretch)
  );
}

/**
 * The pattern's resource format with our name as its last part (`stateMachine:my-machine`),
 * when the pattern splits at a top-level `/` or `:` and its last piece accepts the name.
 */
function resourceWithName(part: string, name: string, random: Random): string | undefined {
  for (const separator of ['/', ':']) {
    const pieces = splitTopLevel(part, separator);
    const last = pieces?.[pieces.length - 1];
    if (!pieces || pieces.length < 2 || last === undefined || !matchesWhole(last, name)) continue;
    const head = pieces.slice(0, -1).map((piece) => samplePattern(piece, random));
    if (head.every((piece): piece is string => piece !== undefined)) {
      return [...head, name].join(separator);
    }
  }
  return undefined;
}

/**
 * An ARN shaped by an ARN-valued property's pattern, segment by segment: the partition,
 * service, region and account we want wherever the pattern allows them (so the ARN still
 * says `eu-west-1` and `123456789012`), and the pattern's own format where ours does not fit
 * (`bcm-dashboards` for AWS::BCM, `scraper/s-…` for AWS::APS::Scraper).
 */
export function arnFromPattern(
  node: JsonSchemaNode | undefined,
  preferences: ArnPreferences,
  random: Random,
): string | undefined {
  const pattern = typeof node?.pattern === 'string' ? node.pattern : undefined;
  if (!pattern || !compileUnicodePattern(pattern)) return undefined;
  const parts = splitTopLevel(stripAnchors(pattern), ':');
  if (!parts || parts.length < 6) return undefined;
  const resourcePart = parts.slice(5).join(':');
  const wanted: readonly (readonly string[])[] = [
    ['arn'],
    ['aws'],
    [preferences.service],
    [preferences.region, ''],
    [preferences.account, ''],
  ];
  for (const stretch of [3, 0, 8]) {
    const segments: string[] = [];
    for (const [index, part] of parts.slice(0, 5).entries()) {
      const value = segmentValue(part, wanted[index] ?? [], random, 0);
      if (value === undefined) return undefined;
      segments.push(value);
    }
    const resource =
      preferences.resources.find((value) => matchesWhole(resourcePart, value)) ??
      resourceWithName(resourcePart, preferences.name, random) ??
      samplePattern(resourcePart, random, stretch);
    if (resource === undefined) return undefined;
    const arn = [...segments, resource].join(':');
    if (fitsNode(arn, node)) return arn;
  }
  return undefined;
}
