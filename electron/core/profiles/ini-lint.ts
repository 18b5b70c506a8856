import type { ConfigProblem } from '../../../shared/contract';

export type AwsFileKind = 'config' | 'credentials';

/** What the SDK's loader accepts as a section name (`[profile name]`, `[sso-session x]`). */
const prefixedSection = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const knownPrefixes = new Set(['profile', 'sso-session', 'services']);
/** The SDK refuses these names by dropping the whole file. */
const blockedSections = new Set(['__proto__', 'profile __proto__']);

/**
 * Finds the lines of an AWS config or credentials file that the SDK's loader would silently
 * skip or misread, so the user learns which line to fix. The SDK's loader still does the
 * reading; this only explains, with line numbers, what it ignored.
 */
export function lintAwsFile(text: string, file: string, kind: AwsFileKind): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (line: number, message: string): void => {
    problems.push({ file, line, message });
  };
  let inSection = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    // As the SDK does: a `#` or `;` at the start or after whitespace starts a comment.
    const content = raw.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
    if (content === '') return;
    if (content.startsWith('[')) {
      if (!content.endsWith(']')) {
        inSection = false;
        report(line, `Section header "${clip(content)}" has no closing "]".`);
        return;
      }
      inSection = true;
      const name = content.slice(1, -1).trim();
      if (blockedSections.has(name)) {
        report(line, `The section name [${name}] is not allowed; the AWS SDK ignores this file.`);
        return;
      }
      const prefixed = prefixedSection.exec(name);
      if (/\s/.test(name) && (!prefixed || !knownPrefixes.has(prefixed[1] ?? ''))) {
        report(line, `[${name}] is not a section the AWS SDK reads; its settings are ignored.`);
      } else if (kind === 'config' && !prefixed && name !== 'default') {
        report(
          line,
          `[${name}] is ignored in the config file: write profile sections as [profile ${name}].`,
        );
      } else if (kind === 'credentials' && prefixed?.[1] === 'profile') {
        report(
          line,
          `[${name}] in the credentials file names a profile "${name}"; write it as [${prefixed[3] ?? ''}].`,
        );
      }
      return;
    }
    const equals = content.indexOf('=');
    if (equals === -1) {
      // The line itself is never echoed: it may be a key pasted without its name.
      report(line, 'This line has no "=": settings are written key = value.');
    } else if (equals === 0) {
      report(line, 'A setting has a value but no name before "=".');
    } else if (!inSection) {
      report(line, `"${content.slice(0, equals).trim()}" is outside any [section] and is ignored.`);
    }
  });
  return problems;
}

function clip(content: string): string {
  return content.length > 40 ? `${content.slice(0, 40)}…` : content;
}
