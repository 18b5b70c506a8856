// SigV4-shaped headers for raw requests to the sandbox (see electron/test-support/raw-http.ts).

export const testSignature = 'b'.repeat(64);

/** A syntactically valid SigV4 Authorization header (the sandbox never checks the signature). */
export function signedHeaders(
  service: string,
  region: string,
  accessKeyId = 'AKIDRAWTEST',
): Record<string, string> {
  return {
    'x-amz-date': '20261123T100000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261123/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${testSignature}`,
  };
}

export function cloudControlHeaders(
  operation: string,
  region = 'us-east-1',
): Record<string, string> {
  return {
    ...signedHeaders('cloudcontrolapi', region),
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': `CloudApiService.${operation}`,
  };
}
