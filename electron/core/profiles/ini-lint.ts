import type { ConfigProblem } from '../../../shared/contract';

export type AwsFileKind = 'config' | 'credentials';

/** A problem, and the section whose settings it changes as the SDK's loader reads the file. */
export interface LintFinding {
  problem: ConfigProblem;
  /**
   * That section's key in the loaded file (a profile name, `sso-session.x`, `services.x`),
   * or null when the line changes no section the loader keeps.
   */
  touches: string | null;
}

// These mirror @smithy/core's parseIni and getConfigData, which the SDK's loader runs.
/** What the SDK's loader accepts as a section name (`[profile name]`, `[sso-session x]`). */
const prefixedSection = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const knownPrefixes = new Set(['profile', 'sso-session', 'services']);
/** The SDK refuses these names by dropping the whole file. */
const blockedSections = new Set(['__proto__', 'profile __proto__']);

/** The SDK parser's name for the section a header opens; undefined: lines after it are dropped. */
function parsedSectionKey(header: string): string | undefined {
  const prefixed = prefixedSection.exec(header);
  if (!prefixed) return header;
  const [, prefix = '', , name = ''] = prefixed;
  return knownPrefixes.has(prefix) ? `${prefix}.${name}` : undefined;
}

/** The key the loader keeps a parsed section under; null when it drops the section. */
function loadedKey(parsed: string, kind: AwsFileKind): string | null {
  if (kind === 'credentials') return parsed;
  if (parsed === 'default') return parsed;
  if (parsed.startsWith('profile.')) return parsed.slice('profile.'.length);
  if (parsed.startsWith('sso-session.') || parsed.startsWith('services.')) return parsed;
  return null;
}

/** A loaded key that is a sub-section (`sso-session.x`, `services.x`) rather than a profile. */
const subSection = /^(sso-session|services)\.(.*)$/;

/** What a line's change to section `key` costs: the profile(s) Cloudshelf will not use. */
function consequence(key: string | null): string {
  if (key === null) return 'The AWS SDK ignores that section.';
  const sub = subSection.exec(key);
  if (sub) {
    return `Cloudshelf does not use the profiles that refer to [${sub[1] ?? ''} ${sub[2] ?? ''}] until this line is fixed.`;
  }
  return `Cloudshelf does not use profile ${key} until this line is fixed.`;
}

/**
 * Finds the lines of an AWS config or credentials file that the SDK's loader skips or
 * misreads, says what the loader does with each (so the message is what really happens),
 * and names the section each one changes, so that profile can be kept out of use.
 */
export function lintAwsFile(text: string, file: string, kind: AwsFileKind): LintFinding[] {
  const findings: LintFinding[] = [];
  const report = (line: number, message: string, touches: string | null): void => {
    findings.push({ problem: { file, line, message }, touches });
  };
  /** The section the SDK's parser is in (its parsed name); undefined: lines are dropped. */
  let parsed: string | undefined;
  /** Its header as written, for messages. */
  let header = '';
  /** A header (good or bad) was seen: later stray settings are explained by its problem. */
  let seenHeader = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    // As the SDK does: a `#` or `;` at the start or after whitespace starts a comment.
    const content = raw.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
    if (content === '') return;
    const touched = parsed === undefined ? null : loadedKey(parsed, kind);
    if (content.startsWith('[') && content.endsWith(']')) {
      seenHeader = true;
      header = content;
      // An empty name is falsy to the SDK's parser too: it drops the lines after it.
      parsed = parsedSectionKey(content.slice(1, -1)) || undefined;
      lintHeader(content.slice(1, -1).trim(), kind, (message) => {
        report(line, message, null);
      });
      return;
    }
    if (content.startsWith('[')) {
      seenHeader = true;
      // The SDK does not see a header here: the line is skipped and the section above goes on.
      const start = `Section header "${clip(content)}" has no closing "]"`;
      report(
        line,
        parsed === undefined
          ? `${start}; the AWS SDK ignores it and the settings after it, up to the next section.`
          : `${start}, so the AWS SDK reads the settings after it as part of ${header}. ${consequence(touched)}`,
        touched,
      );
      return;
    }
    const equals = content.indexOf('=');
    if (equals === -1 || equals === 0) {
      // The line itself is never echoed: it may be a key pasted without its name.
      const what =
        equals === -1
          ? 'This line has no "=": settings are written key = value.'
          : 'A setting has a value but no name before "=".';
      report(
        line,
        parsed === undefined
          ? `${what} The AWS SDK ignores it.`
          : `${what} The AWS SDK skips it in ${header}. ${consequence(touched)}`,
        touched,
      );
    } else if (parsed === undefined && !seenHeader) {
      report(
        line,
        `"${content.slice(0, equals).trim()}" is outside any [section] and is ignored.`,
        null,
      );
    }
  });
  return findings;
}

/** Headers the SDK reads, but not as the user meant; they change no other section. */
function lintHeader(name: string, kind: AwsFileKind, report: (message: string) => void): void {
  if (blockedSections.has(name)) {
    report(`The section name [${name}] is not allowed; the AWS SDK ignores this file.`);
    return;
  }
  const prefixed = prefixedSection.exec(name);
  if (/\s/.test(name) && (!prefixed || !knownPrefixes.has(prefixed[1] ?? ''))) {
    report(`[${name}] is not a section the AWS SDK reads; its settings are ignored.`);
  } else if (kind === 'config' && !prefixed && name !== 'default') {
    report(`[${name}] is ignored in the config file: write profile sections as [profile ${name}].`);
  } else if (kind === 'credentials' && prefixed?.[1] === 'profile') {
    report(
      `[${name}] in the credentials file names a profile "${name}"; write it as [${prefixed[3] ?? ''}].`,
    );
  }
}

function clip(content: string): string {
  return content.length > 40 ? `${content.slice(0, 40)}…` : content;
}
