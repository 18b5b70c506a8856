import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextWithCode } from './TextWithCode';

const html = (text: string) => renderToStaticMarkup(<TextWithCode text={text} />);

describe('TextWithCode', () => {
  it('sets backticked parts as code', () => {
    expect(html('Run `npm run web` again.')).toBe(
      '<span>Run </span><code>npm run web</code><span> again.</span>',
    );
  });

  it('shows text with an unmatched backtick unchanged', () => {
    expect(html('a ` b')).toBe('a ` b');
  });

  it('never turns a message into markup', () => {
    expect(html('`<img src=x onerror=alert(1)>`')).toBe(
      '<code>&lt;img src=x onerror=alert(1)&gt;</code>',
    );
  });
});
