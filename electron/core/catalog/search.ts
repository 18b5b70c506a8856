import type { TypeSummary } from '../../../shared/contract';

/** One type, pre-lowercased once so a keystroke's search is a plain scan of ~1,500 entries. */
interface Entry {
  summary: TypeSummary;
  name: string;
  /** `sagemakerimage`, and the resource alone: `image`. */
  compact: string;
  resource: string;
  /** Service and resource, plus their camel-case words: `model`, `package`, `modelpackage`. */
  words: string[];
  service: string[];
  description: string;
}

export interface SearchResult {
  types: TypeSummary[];
  total: number;
}

export interface TypeSearchIndex {
  search(query: string | undefined, limit: number): SearchResult;
}

function camelWords(segment: string): string[] {
  return (segment.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? []).map((w) => w.toLowerCase());
}

function entryOf(summary: TypeSummary): Entry {
  const [, service = '', resource = ''] = summary.typeName.split('::');
  const serviceWords = [service.toLowerCase(), ...camelWords(service)];
  return {
    summary,
    name: summary.typeName.toLowerCase(),
    compact: (service + resource).toLowerCase(),
    resource: resource.toLowerCase(),
    words: [...serviceWords, resource.toLowerCase(), ...camelWords(resource)],
    service: serviceWords,
    description: summary.description.toLowerCase(),
  };
}

function tokensOf(query: string): string[] {
  const tokens = query
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // `AWS::SageMaker::Image` and `sagemaker image` mean the same; every type starts with AWS.
  return tokens.length > 1 && tokens[0] === 'aws' ? tokens.slice(1) : tokens;
}

/**
 * Ranks a type for the query, lower is better: 0 exact name, 1 every word starts a name
 * segment, 2 a word names the service and the rest occur in name or description,
 * 3 every word occurs in name or description; undefined when it does not match.
 */
function tierOf(entry: Entry, tokens: readonly string[]): number | undefined {
  const joined = tokens.join('');
  if (joined === entry.compact || joined === entry.resource) return 0;
  if (tokens.every((t) => entry.words.some((w) => w.startsWith(t)))) return 1;
  const occurs = (t: string) => entry.name.includes(t) || entry.description.includes(t);
  if (!tokens.every(occurs)) return undefined;
  return tokens.some((t) => entry.service.some((w) => w.startsWith(t))) ? 2 : 3;
}

export function createTypeSearchIndex(summaries: readonly TypeSummary[]): TypeSearchIndex {
  const entries = summaries.map(entryOf).sort((a, b) => a.name.localeCompare(b.name));
  return {
    search(query, limit) {
      const tokens = tokensOf(query ?? '');
      if (tokens.length === 0) {
        return { types: entries.slice(0, limit).map((e) => e.summary), total: entries.length };
      }
      const ranked: { entry: Entry; tier: number }[] = [];
      for (const entry of entries) {
        const tier = tierOf(entry, tokens);
        if (tier !== undefined) ranked.push({ entry, tier });
      }
      // Within a tier, shorter names are closer to what was typed (Image before ImageVersion).
      ranked.sort(
        (a, b) =>
          a.tier - b.tier ||
          a.entry.name.length - b.entry.name.length ||
          a.entry.name.localeCompare(b.entry.name),
      );
      return { types: ranked.slice(0, limit).map((r) => r.entry.summary), total: ranked.length };
    },
  };
}
