import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One plain HTTP request, for checking what is on the wire without an SDK in between. */
export function rawRequest(options: {
  port: number;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/',
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body ?? '');
  });
}

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
