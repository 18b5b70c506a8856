/**
 * awsQuery error envelopes for the errors the sandbox itself raises on CloudFormation calls
 * (authentication, faults). Successful answers come from the CloudFormation handler.
 */
export const xmlContentType = 'text/xml';

export interface QueryError {
  status: number;
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

export function xmlErrorBody(error: QueryError, requestId: string): string {
  return (
    '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">' +
    `<Error><Type>${error.type}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId></ErrorResponse>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : '&quot;',
  );
}
