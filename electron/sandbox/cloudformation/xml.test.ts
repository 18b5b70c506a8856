import { describe, expect, it } from 'vitest';
import { element, escapeXml, memberList, textElement, timestampElement } from './xml';

describe('escapeXml', () => {
  it('escapes markup and keeps carriage returns', () => {
    expect(escapeXml(`a<b>&"c"'d'\r\n`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#13;\n');
  });

  it('replaces characters XML cannot carry, keeping valid astral ones', () => {
    expect(escapeXml('a\u0000b\u001Fc\uD800d😀')).toBe('a\uFFFDb\uFFFDc\uFFFDd😀');
    expect(escapeXml('tab\tok')).toBe('tab\tok');
  });
});

describe('elements', () => {
  it('write text, nested and empty elements', () => {
    expect(textElement('Name', 'a&b')).toBe('<Name>a&amp;b</Name>');
    expect(textElement('Flag', true)).toBe('<Flag>true</Flag>');
    expect(textElement('Missing', undefined)).toBe('');
    expect(element('Outer', '<Inner/>')).toBe('<Outer><Inner/></Outer>');
    expect(element('Empty', '')).toBe('<Empty/>');
  });

  it('write awsQuery member lists and timestamps', () => {
    expect(memberList('Items', ['<A>1</A>', '<A>2</A>'])).toBe(
      '<Items><member><A>1</A></member><member><A>2</A></member></Items>',
    );
    expect(memberList('Items', [])).toBe('<Items/>');
    expect(timestampElement('At', new Date('2026-08-07T17:43:00Z'))).toBe(
      '<At>2026-08-07T17:43:00.000Z</At>',
    );
    expect(timestampElement('At', undefined)).toBe('');
  });
});
