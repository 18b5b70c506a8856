/**
 * Plain-words summaries of the character-set patterns CloudFormation schemas are full of,
 * such as `^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$` → "letters, digits, hyphens and periods".
 * Only patterns built from character classes, groups, quantifiers and anchors are described
 * (those accept exactly strings of the listed characters); anything with literal text or a
 * wildcard gets no summary rather than a misleading one.
 */

type Category =
  'letters' | 'lowercase letters' | 'uppercase letters' | 'digits' | 'underscores' | 'whitespace';

const CHAR_NAMES: Readonly<Record<string, string>> = {
  '-': 'hyphens',
  '.': 'periods',
  ' ': 'spaces',
  '/': 'slashes',
  ':': 'colons',
  '@': '@',
  '+': '+',
  '=': '=',
  ',': 'commas',
  '#': '#',
  '*': '*',
  '!': '!',
  '(': 'parentheses',
  ')': 'parentheses',
};

class Summary {
  categories = new Set<Category>();
  chars = new Set<string>();

  /** A category, or one literal character. */
  add(item: string): void {
    if (item === '_') this.categories.add('underscores');
    else if (item.length === 1) this.chars.add(item);
    else this.categories.add(item as Category);
  }

  text(): string | undefined {
    const c = this.categories;
    const parts: string[] = [];
    if (c.has('letters') || (c.has('lowercase letters') && c.has('uppercase letters'))) {
      parts.push('letters');
    } else if (c.has('lowercase letters')) parts.push('lowercase letters');
    else if (c.has('uppercase letters')) parts.push('uppercase letters');
    if (c.has('digits')) parts.push('digits');
    const names = new Set<string>();
    for (const ch of this.chars) names.add(CHAR_NAMES[ch] ?? `“${ch}”`);
    if (c.has('underscores')) names.add('underscores');
    parts.push(...names);
    if (c.has('whitespace')) parts.push('whitespace');
    if (parts.length === 0) return undefined;
    const last = parts.pop();
    return parts.length === 0 ? last : `${parts.join(', ')} and ${String(last)}`;
  }
}

const ESCAPE_CLASSES: Readonly<Record<string, Category[]>> = {
  d: ['digits'],
  w: ['letters', 'digits', 'underscores'],
  s: ['whitespace'],
};

const RANGES: Readonly<Record<string, Category>> = {
  'a-z': 'lowercase letters',
  'A-Z': 'uppercase letters',
  '0-9': 'digits',
};

/** Reads a `[...]` class starting after `[`; returns the index after `]`, or -1. */
function readClass(pattern: string, start: number, summary: Summary): number {
  if (pattern[start] === '^') return -1;
  let i = start;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === ']') return i + 1;
    const range = RANGES[pattern.slice(i, i + 3)];
    if (range) {
      summary.add(range);
      i += 3;
      continue;
    }
    if (ch === '\\') {
      const next = pattern.charAt(i + 1);
      const classes = ESCAPE_CLASSES[next];
      if (classes) for (const c of classes) summary.add(c);
      else if (/^[\p{P}\p{S} ]$/u.test(next)) summary.add(next);
      else return -1;
      i += 2;
      continue;
    }
    // Any other range (`a-f`, `\u0020-\u00FF`) is too specific to summarise honestly.
    if (pattern.charAt(i + 1) === '-' && pattern.charAt(i + 2) !== ']') return -1;
    summary.add(ch);
    i++;
  }
  return -1;
}

/** A summary of the characters `pattern` accepts, or undefined when it isn't that simple. */
export function describePattern(pattern: string): string | undefined {
  const summary = new Summary();
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if ('^$()|?*+'.includes(ch)) {
      i += ch === '(' && pattern.slice(i + 1, i + 3) === '?:' ? 3 : 1;
    } else if (ch === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0 || !/^\d*(,\d*)?$/.test(pattern.slice(i + 1, end))) return undefined;
      i = end + 1;
    } else if (ch === '[') {
      i = readClass(pattern, i + 1, summary);
      if (i < 0) return undefined;
    } else if (ch === '\\') {
      const classes = ESCAPE_CLASSES[pattern.charAt(i + 1)];
      if (!classes) return undefined;
      for (const c of classes) summary.add(c);
      i += 2;
    } else {
      return undefined;
    }
  }
  return summary.text();
}
