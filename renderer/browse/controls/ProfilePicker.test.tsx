import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../shared/contract';
import { profileOptionLabel, UnusableProfileNotice } from './ProfilePicker';

const problem = {
  file: '/home/u/.aws/config',
  line: 3,
  message:
    'Section header "[profile broken" has no closing "]", so the AWS SDK reads the settings after it as part of [profile good]. Cloudshelf does not use profile good until this line is fixed.',
};
const good: ProfileSummary = { name: 'good', source: 'config', region: 'us-west-2', problem };

describe('a profile a malformed line changes', () => {
  it('is marked in the list', () => {
    expect(profileOptionLabel(good)).toBe('good — not usable: config line 3');
    expect(profileOptionLabel({ name: 'fine', source: 'config', region: null })).toBe('fine');
  });

  it('shows why, with the file and line to fix', () => {
    const html = renderToStaticMarkup(<UnusableProfileNotice problem={problem} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Not usable until line 3 of <code>/home/u/.aws/config</code> is fixed');
    expect(html).toContain('[profile good]');
  });
});
