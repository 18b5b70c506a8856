import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DisplayError } from '../store/errors';
import { ReviewFooter } from './ReviewFooter';

/*
 * Static markup (the tests run in Node, without a DOM): which buttons a person sees, in what
 * order and whether they can press them. Clicking is covered by the end-to-end tests.
 */

const noop = (): void => undefined;

function footer(props: {
  reviewing: boolean;
  sending?: boolean;
  canSend?: boolean;
  error?: DisplayError;
}): string {
  return renderToStaticMarkup(
    <ReviewFooter
      error={props.error ?? null}
      onSend={props.reviewing ? noop : null}
      sending={props.sending ?? false}
      {...(props.canSend === undefined ? {} : { canSend: props.canSend })}
      reviewLabel="Review changes"
      onReview={noop}
      onBack={noop}
      onCancel={noop}
    />,
  );
}

/** Each button's name and whether it is disabled, in document order. */
function buttons(html: string): { name: string; disabled: boolean }[] {
  return [...html.matchAll(/<button([^>]*)>(.*?)<\/button>/g)].map((match) => ({
    name: match[2] ?? '',
    disabled: /\sdisabled=""/.test(match[1] ?? ''),
  }));
}

describe('ReviewFooter', () => {
  it('offers Cancel and Review on the form, without Back', () => {
    expect(buttons(footer({ reviewing: false }))).toEqual([
      { name: 'Cancel', disabled: false },
      { name: 'Review changes', disabled: false },
    ]);
  });

  it('offers Back, Cancel and Send on the review', () => {
    expect(buttons(footer({ reviewing: true }))).toEqual([
      { name: 'Back', disabled: false },
      { name: 'Cancel', disabled: false },
      { name: 'Send', disabled: false },
    ]);
  });

  it('while sending, says so and only lets Cancel be pressed', () => {
    expect(buttons(footer({ reviewing: true, sending: true }))).toEqual([
      { name: 'Back', disabled: true },
      { name: 'Cancel', disabled: false },
      { name: 'Sending…', disabled: true },
    ]);
  });

  it('cannot send a review with nothing to send', () => {
    expect(buttons(footer({ reviewing: true, canSend: false }))).toContainEqual({
      name: 'Send',
      disabled: true,
    });
  });

  it('announces the error above the buttons', () => {
    const html = footer({
      reviewing: true,
      error: { code: 'Forbidden', message: 'Not allowed.', hint: 'Ask for access.' },
    });
    expect(html).toMatch(/role="alert"[^>]*>.*Not allowed\..*Ask for access\./);
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<button'));
    expect(footer({ reviewing: true })).not.toContain('role="alert"');
  });
});
