// Minimal XML writing for awsQuery responses: element text escaped, nothing else needed.

/* eslint-disable no-control-regex -- these are exactly the control characters to remove */
/** Characters XML 1.0 cannot carry at all, even as references. */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/* eslint-enable no-control-regex */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalised to LF by any XML parser; a reference survives.
  '\r': '&#13;',
};

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\r]/g, (char) => ENTITIES[char] ?? char);
}

/** `<Name>escaped text</Name>`; nothing at all for an absent value. */
export function textElement(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<Name>children</Name>` where the children are already XML. */
export function element(name: string, childrenXml: string): string {
  return childrenXml === '' ? `<${name}/>` : `<${name}>${childrenXml}</${name}>`;
}

/** An awsQuery list: `<Name><member>…</member>…</Name>`. */
export function memberList(name: string, membersXml: readonly string[]): string {
  return element(name, membersXml.map((member) => element('member', member)).join(''));
}

/** awsQuery timestamps are ISO 8601 with milliseconds, as AWS writes them. */
export function timestampElement(name: string, value: Date | undefined): string {
  return value ? textElement(name, value.toISOString()) : '';
}
