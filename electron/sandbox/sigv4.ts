/**
 * Reads (never verifies) an AWS Signature Version 4 `Authorization` header. The sandbox takes
 * any syntactically valid signature, but the credential scope matters: it carries the region
 * and the service, which is how one port serves every region and both protocols.
 */
export interface SigV4Credential {
  accessKeyId: string;
  /** YYYYMMDD from the scope. */
  date: string;
  region: string;
  service: string;
  signedHeaders: readonly string[];
}

export type SigV4Result =
  | { ok: true; credential: SigV4Credential }
  | { ok: false; kind: 'MissingAuthenticationToken' | 'IncompleteSignature'; message: string };

const algorithm = 'AWS4-HMAC-SHA256';

/**
 * `headers` are Node's lower-cased request headers. AWS also demands a date header, so a
 * request without `X-Amz-Date` (or `Date`) is refused as AWS refuses it.
 */
export function parseAuthorization(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): SigV4Result {
  const header = single(headers.authorization);
  if (header === undefined || header.trim() === '') {
    return {
      ok: false,
      kind: 'MissingAuthenticationToken',
      message: 'Missing Authentication Token',
    };
  }
  const incomplete = (problems: string[]): SigV4Result => ({
    ok: false,
    kind: 'IncompleteSignature',
    message: `${problems.join(' ')} Authorization=${header.split(/[ ,]/)[0] ?? ''}`,
  });

  const trimmed = header.trim();
  if (!trimmed.startsWith(`${algorithm} `)) {
    return incomplete([`Authorization header requires the ${algorithm} algorithm.`]);
  }
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(algorithm.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const problems: string[] = [];
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
  if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
  if (!signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (single(headers['x-amz-date']) === undefined && single(headers.date) === undefined) {
    problems.push(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (problems.length > 0 || !credential || !signedHeaders || !signature)
    return incomplete(problems);

  const scope = credential.split('/');
  const [accessKeyId, date, region, service, terminator] = scope;
  if (
    scope.length !== 5 ||
    !accessKeyId ||
    !/^[A-Za-z0-9_+=.@-]+$/.test(accessKeyId) ||
    !date ||
    !/^\d{8}$/.test(date) ||
    !region ||
    !/^[a-z0-9-]+$/.test(region) ||
    !service ||
    !/^[a-z0-9-]+$/.test(service) ||
    terminator !== 'aws4_request'
  ) {
    return incomplete([
      `Credential should be of the form <AccessKeyId>/<YYYYMMDD>/<region>/<service>/aws4_request; got '${credentialShape(credential)}'.`,
    ]);
  }
  if (!/^[a-z0-9-]+(;[a-z0-9-]+)*$/.test(signedHeaders)) {
    return incomplete(['SignedHeaders must be lower-case header names separated by semicolons.']);
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return incomplete(['Signature must be 64 lower-case hexadecimal characters.']);
  }
  return {
    ok: true,
    credential: { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';') },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The credential without the access key id, so errors never echo a key back. */
function credentialShape(credential: string): string {
  const slash = credential.indexOf('/');
  return slash < 0 ? '<key>' : `<key>${credential.slice(slash)}`;
}
