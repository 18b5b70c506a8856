import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SafetyReview } from '../../shared/contract';
import { SafetyReviewNotice } from './SafetyReviewBanner';

const review: SafetyReview = {
  file: '/home/me/.config/cloudshelf/settings.json',
  keptAs: '/home/me/.config/cloudshelf/settings.json.unreadable-2026-11-23T10-00-00-000Z',
  reason: 'profiles.prod.readOnly: Invalid input: expected boolean, received string',
  reviewed: [],
};
const noop = (): void => undefined;
const text = (html: string): string => html.replace(/<[^>]+>/g, '');

describe('the banner while the safety settings could not be read', () => {
  it('names the file, the kept-aside copy and what to do', () => {
    const html = renderToStaticMarkup(
      <SafetyReviewNotice review={review} profile="prod" onReview={noop} />,
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain(
      'Cloudshelf could not read its safety settings: every profile except Sandbox is read-only',
    );
    expect(html).toContain(`<code>${review.file}</code>`);
    expect(html).toContain(`<code>${String(review.keptAs)}</code>`);
    expect(text(html)).toContain(
      'Open ⚙ Settings for prod, check Read-only and Production, and save them to make changes with prod again.',
    );
    expect(html).toMatch(/<button[^>]*>Review settings for prod<\/button>/);
  });

  it('says the file was left as it is when it could not be kept aside', () => {
    const html = renderToStaticMarkup(
      <SafetyReviewNotice
        review={{ ...review, keptAs: null, reason: 'it is not a file' }}
        profile="prod"
        onReview={noop}
      />,
    );
    expect(text(html)).toContain('it is not a file');
    expect(text(html)).toContain('Fix or move it, then restart Cloudshelf.');
  });
});
