/**
 * CloudFormation schemas are written for Java (and sometimes Python) regular expressions.
 * JavaScript's `u` mode — the one JSON Schema validators use — rejects many of them. This
 * module rewrites the harmless dialect differences and gives up on the rest, so a pattern
 * either validates what AWS meant or is not checked at all (AWS still checks it on create).
 */

const compiled = new Map<string, RegExp | null>();

/** The pattern compiled in `u` mode, or null when JavaScript cannot compile it. Cached. */
export function compilePattern(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null;
    }
    compiled.set(pattern, re);
  }
  return re;
}

// Characters `u` mode lets you escape outside a class (SyntaxCharacter and `/`).
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
// Escapes whose meaning JavaScript and Java share.
const KNOWN_LETTER_ESCAPES = new Set('dDwWsSbBfnrtv0123456789');
const CLASS_ESCAPES = new Set('dDwWsS');

// Java's POSIX classes, spelled as JavaScript class contents.
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  XDigit: '0-9a-fA-F',
  Space: '\\s',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  ASCII: '\\x00-\\x7F',
};

function isPunctuation(ch: string): boolean {
  return /^[\x20-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]$/.test(ch);
}

/**
 * Rewrites a Java-flavoured pattern into one JavaScript compiles in `u` mode with the same
 * meaning: `\A`/`\Z`/`\z` anchors, `\x{…}`, POSIX `\p{Alpha}`-style classes, needless escapes
 * of punctuation (`\_`, `\:`), and a `-` beside a class escape inside `[…]`. Returns
 * undefined when the pattern uses anything else JavaScript lacks (inline flags, possessive
 * quantifiers, `\h`, …), because guessing could reject valid input.
 */
export function toJsPattern(pattern: string): string | undefined {
  if (compilePattern(pattern)) return pattern;
  let out = '';
  let inClass = false;
  let lastWasClassEscape = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      const next = pattern.charAt(i + 1);
      if (next === '') return undefined;
      i++;
      if (!inClass && (next === 'Z' || next === 'z')) {
        out += '$';
      } else if (!inClass && next === 'A') {
        out += '^';
      } else if (next === 'x' && pattern.charAt(i + 1) === '{') {
        const end = pattern.indexOf('}', i);
        if (end < 0) return undefined;
        out += `\\u{${pattern.slice(i + 2, end)}}`;
        i = end;
      } else if ((next === 'p' || next === 'P') && pattern.charAt(i + 1) === '{') {
        const end = pattern.indexOf('}', i);
        if (end < 0) return undefined;
        const name = pattern.slice(i + 2, end).replace(/^Is/, '');
        const posix = POSIX[name];
        if (posix !== undefined) {
          const negate = next === 'P';
          if (inClass && negate) return undefined;
          out += inClass ? posix : `[${negate ? '^' : ''}${posix}]`;
        } else {
          out += pattern.slice(i - 1, end + 1);
        }
        i = end;
        lastWasClassEscape = true;
        continue;
      } else if (next === 'u' || next === 'c' || (next === 'x' && inClass)) {
        out += `\\${next}`;
      } else if (next === 'x') {
        out += '\\x';
      } else if (KNOWN_LETTER_ESCAPES.has(next)) {
        out += `\\${next}`;
        lastWasClassEscape = CLASS_ESCAPES.has(next);
        continue;
      } else if (SYNTAX.has(next) || (inClass && next === '-')) {
        out += `\\${next}`;
      } else if (next === '-') {
        out += '-';
      } else if (isPunctuation(next)) {
        // `\_`, `\:`, `\ `… are identity escapes Java accepts and `u` mode rejects.
        out += next;
      } else {
        return undefined;
      }
      lastWasClassEscape = false;
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
      } else if (ch === '-') {
        const following = pattern.slice(i + 1, i + 3);
        const nextIsClassEscape = /^\\[dDwWsSpP]$/.test(following);
        // `[\w-.]` is a literal hyphen in Java; `u` mode calls it an invalid range.
        if (lastWasClassEscape || nextIsClassEscape) {
          out += '\\-';
          lastWasClassEscape = false;
          continue;
        }
      }
    } else if (ch === '[') {
      inClass = true;
      if (pattern.charAt(i + 1) === '^') {
        out += '[^';
        i++;
        lastWasClassEscape = false;
        continue;
      }
    }
    out += ch;
    lastWasClassEscape = false;
  }
  return compilePattern(out) ? out : undefined;
}
