import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CredentialProcessList, elapsedText } from './CredentialProcessIndicator';

describe('elapsedText', () => {
  it('counts seconds, then minutes and seconds', () => {
    expect(elapsedText(0)).toBe('0 s');
    expect(elapsedText(12_400)).toBe('12 s');
    expect(elapsedText(65_000)).toBe('1 min 05 s');
  });
});

describe('CredentialProcessList', () => {
  it('says which profile waits on which program, for how long, with Cancel', () => {
    const html = renderToStaticMarkup(
      <CredentialProcessList
        runs={[
          { runId: 'r', profile: 'slow', program: 'aws-vault', state: 'running', startedAt: 1_000 },
        ]}
        now={13_000}
        onCancel={() => undefined}
      />,
    );
    expect(html).toContain('role="status"');
    expect(html).toContain('Profile slow is waiting for its credential_process');
    expect(html).toContain('<code>aws-vault</code>');
    expect(html).toContain('12 s');
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
    expect(html).toContain('aria-label="Cancel the credential_process of profile slow"');
  });

  it('shows nothing when no command runs', () => {
    expect(
      renderToStaticMarkup(<CredentialProcessList runs={[]} now={0} onCancel={() => undefined} />),
    ).toBe('');
  });
});
