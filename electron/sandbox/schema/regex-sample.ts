import type { Random } from '../prng';

// Produces a string a registry pattern accepts, for read-only values whose format the
// name-based rules could not guess (`^s-[a-z0-9]{8}-…$`, `^DRAFT$`). Only the pattern's
// structure is parsed here (alternatives, groups, quantifiers); which characters an atom
// (`[^:]`, `\p{L}`, `\d`, `.`) accepts is asked of JavaScript's own engine, so character
// classes never need re-implementing. Callers check the result against the full pattern.

type RegexNode =
  | { kind: 'atom'; source: string }
  | { kind: 'literal'; text: string }
  | { kind: 'empty' }
  | { kind: 'sequence'; items: RegexNode[] }
  | { kind: 'choice'; options: RegexNode[] }
  | { kind: 'repeat'; node: RegexNode; min: number; max: number };

class UnsupportedPattern extends Error {}

const CHARACTER_POOL = [
  ...Array.from('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  ...Array.from(' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'),
  '\t',
  '\n',
  'é',
  'ü',
  'ß',
  '中',
];
const PREFERRED = /^[a-z0-9]$/;
const atomAlphabets = new Map<string, string[]>();

/** The pool characters a single-character atom matches, nicer ones (a-z, 0-9) first. */
function alphabetOf(source: string): string[] {
  let alphabet = atomAlphabets.get(source);
  if (!alphabet) {
    const matcher = new RegExp(`^(?:${source})$`, 'u');
    const matching = CHARACTER_POOL.filter((char) => matcher.test(char));
    const preferred = matching.filter((char) => PREFERRED.test(char));
    alphabet = preferred.length > 0 ? preferred : matching;
    atomAlphabets.set(source, alphabet);
  }
  return alphabet;
}

class PatternParser {
  private position = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode {
    const node = this.alternatives();
    if (this.position < this.source.length) throw new UnsupportedPattern('unbalanced )');
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private alternatives(): RegexNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.position++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] ?? { kind: 'empty' }) : { kind: 'choice', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    for (
      let char = this.peek();
      char !== undefined && char !== '|' && char !== ')';
      char = this.peek()
    ) {
      items.push(this.quantified(this.term()));
    }
    return { kind: 'sequence', items };
  }

  private term(): RegexNode {
    const char = this.peek() ?? '';
    if (char === '^' || char === '$') {
      this.position++;
      return { kind: 'empty' };
    }
    if (char === '(') return this.group();
    if (char === '[') return { kind: 'atom', source: this.characterClass() };
    if (char === '\\') return this.escape();
    this.position++;
    return char === '.' ? { kind: 'atom', source: '.' } : { kind: 'literal', text: char };
  }

  private group(): RegexNode {
    this.position++;
    let lookaround = false;
    if (this.source.startsWith('?:', this.position)) this.position += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.position, this.position + 3))) {
      // Lookarounds assert without consuming; generating nothing for them is usually right.
      lookaround = true;
      this.position += this.source[this.position + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.position)) {
      this.position = this.source.indexOf('>', this.position) + 1;
    }
    const inner = this.alternatives();
    if (this.peek() !== ')') throw new UnsupportedPattern('unclosed group');
    this.position++;
    return lookaround ? { kind: 'empty' } : inner;
  }

  private characterClass(): string {
    const start = this.position;
    this.position++;
    if (this.peek() === '^') this.position++;
    while (this.position < this.source.length && this.peek() !== ']') {
      this.position += this.peek() === '\\' ? 2 : 1;
    }
    this.position++;
    return this.source.slice(start, this.position);
  }

  private escape(): RegexNode {
    const start = this.position;
    const next = this.source[this.position + 1] ?? '';
    if (/[1-9k]/.test(next)) throw new UnsupportedPattern('backreference');
    if (next === 'b' || next === 'B') {
      this.position += 2;
      return { kind: 'empty' };
    }
    const rest = this.source.slice(this.position + 1);
    const long =
      /^(?:[pP]\{[^}]*\}|x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|c[a-zA-Z])/.exec(rest);
    this.position += 1 + (long ? long[0].length : 1);
    return { kind: 'atom', source: this.source.slice(start, this.position) };
  }

  private quantified(node: RegexNode): RegexNode {
    const char = this.peek();
    let bounds: [number, number] | undefined;
    if (char === '*') bounds = [0, Infinity];
    else if (char === '+') bounds = [1, Infinity];
    else if (char === '?') bounds = [0, 1];
    if (bounds) this.position++;
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
      if (match) {
        const min = Number(match[1]);
        const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : Infinity;
        bounds = [min, max];
        this.position += match[0].length;
      }
    }
    if (!bounds) return node;
    if (this.peek() === '?') this.position++; // lazy: same language
    return { kind: 'repeat', node, min: bounds[0], max: bounds[1] };
  }
}

interface SampleOptions {
  random: Random;
  /** Extra repetitions for open-ended quantifiers (`+`, `*`, `{n,}`), to reach a minLength. */
  stretch: number;
}

function sampleNode(node: RegexNode, options: SampleOptions): string {
  switch (node.kind) {
    case 'empty':
      return '';
    case 'literal':
      return node.text;
    case 'atom': {
      const alphabet = alphabetOf(node.source);
      if (alphabet.length === 0) throw new UnsupportedPattern(`no character for ${node.source}`);
      return alphabet[Math.floor(options.random() * alphabet.length)] ?? '';
    }
    case 'sequence':
      return node.items.map((item) => sampleNode(item, options)).join('');
    case 'choice': {
      // The first alternative is usually the canonical one (`(aws|aws-cn|aws-us-gov)`).
      const first = node.options[0];
      return first ? sampleNode(first, options) : '';
    }
    case 'repeat': {
      const count = Math.min(node.max, node.min + options.stretch);
      let text = '';
      for (let index = 0; index < count; index++) text += sampleNode(node.node, options);
      return text;
    }
  }
}

const parsed = new Map<string, RegexNode | null>();

function parsePattern(pattern: string): RegexNode | undefined {
  if (!parsed.has(pattern)) {
    try {
      parsed.set(pattern, new PatternParser(pattern).parse());
    } catch (error) {
      if (!(error instanceof UnsupportedPattern)) throw error;
      parsed.set(pattern, null);
    }
  }
  return parsed.get(pattern) ?? undefined;
}

/**
 * A string matching `pattern` (a `u`-mode JavaScript pattern), or undefined when the
 * pattern uses something this sampler does not model (backreferences). Not verified: check
 * the result against the pattern (lookarounds are ignored while generating).
 */
export function samplePattern(pattern: string, random: Random, stretch = 0): string | undefined {
  const node = parsePattern(pattern);
  if (!node) return undefined;
  try {
    return sampleNode(node, { random, stretch });
  } catch (error) {
    if (error instanceof UnsupportedPattern) return undefined;
    throw error;
  }
}

/** Splits a pattern at top-level occurrences of a literal character (outside groups/classes). */
export function splitTopLevel(pattern: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') index++;
    else if (char === '[') {
      for (index++; index < pattern.length && pattern[index] !== ']'; index++) {
        if (pattern[index] === '\\') index++;
      }
    } else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (depth === 0 && char === '|') return undefined;
    else if (depth === 0 && char === separator) {
      parts.push(pattern.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(pattern.slice(start));
  return parts;
}
