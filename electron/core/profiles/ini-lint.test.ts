import { describe, expect, it } from 'vitest';
import { lintAwsFile } from './ini-lint';

const findings = (lines: string[], kind: 'config' | 'credentials' = 'config') =>
  lintAwsFile(lines.join('\n'), '/home/u/.aws/config', kind);
const lint = (lines: string[], kind: 'config' | 'credentials' = 'config') =>
  findings(lines, kind).map((finding) => finding.problem);

describe('lintAwsFile', () => {
  it('accepts what the SDK reads: sections, settings, sub-sections, comments', () => {
    expect(
      lint([
        '# comment',
        '[default]',
        'region = eu-west-1 ; trailing comment',
        '',
        '[profile dev]',
        'services = local',
        '[services local]',
        'cloudcontrol =',
        '  endpoint_url = http://127.0.0.1:4599',
        '[sso-session corp]',
        'sso_region = us-east-1',
      ]),
    ).toEqual([]);
  });

  it('names the line of a setting outside any section', () => {
    expect(lint(['region = us-east-1', '[default]'])).toEqual([
      {
        file: '/home/u/.aws/config',
        line: 1,
        message: '"region" is outside any [section] and is ignored.',
      },
    ]);
  });

  it('names the line of a header without "]" and of a line without "="', () => {
    const problems = lint(['[default]', 'region = x', '[profile broken', 'just-a-word']);
    expect(problems.map((p) => p.line)).toEqual([3, 4]);
    expect(problems[0]?.message).toContain('no closing "]"');
    expect(problems[1]?.message).toContain('no "="');
  });

  it('never echoes a line without "=" (it may be a pasted secret)', () => {
    const [problem] = lint(['[default]', 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY']);
    expect(problem?.message).not.toContain('wJalr');
  });

  it('explains sections the SDK silently ignores', () => {
    expect(lint(['[dev]', 'region = x'])[0]?.message).toContain('[profile dev]');
    expect(lint(['[profile dev]'], 'credentials')[0]?.message).toContain('[dev]');
    expect(lint(['[profile __proto__]'])[0]?.message).toContain('ignores this file');
    expect(lint(['[weird thing]'])[0]?.message).toContain('not a section');
  });

  it('names the section each malformed line changes, as the SDK reads the file', () => {
    const touched = (lines: string[], kind: 'config' | 'credentials' = 'config') =>
      findings(lines, kind).map((finding) => [finding.problem.line, finding.touches]);
    // The header without "]" is skipped, so what follows it lands in [profile good].
    expect(touched(['[profile good]', 'region = a', '[profile broken', 'region = b'])).toEqual([
      [3, 'good'],
    ]);
    expect(touched(['[good]', 'oops'], 'credentials')).toEqual([[2, 'good']]);
    expect(touched(['[sso-session corp]', 'oops', '[default]', '= x'])).toEqual([
      [2, 'sso-session.corp'],
      [4, 'default'],
    ]);
    // Sections the loader drops, and lines before any section, change no profile.
    expect(touched(['oops', '[dev]', 'oops', '[weird thing]', 'oops'])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
    ]);
  });

  it('says the settings after a header without "]" belong to the section above, not nowhere', () => {
    const [problem, ...rest] = lint(['[default]', 'region = a', '[profile broken', 'region = b']);
    expect(rest).toEqual([]);
    expect(problem?.message).toBe(
      'Section header "[profile broken" has no closing "]", so the AWS SDK reads the settings after it as part of [default]. Cloudshelf does not use profile default until this line is fixed.',
    );
  });
});
