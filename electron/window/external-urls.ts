/**
 * The only links Cloudshelf hands to the system browser: the AWS console (any of its
 * regional subdomains) and the AWS documentation, over https. Anything else a page tries
 * to open is dropped, so a compromised renderer cannot launch arbitrary protocols or files.
 */
const exactHosts = new Set(['console.aws.amazon.com', 'docs.aws.amazon.com']);
const subdomainSuffix = '.console.aws.amazon.com';

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Credentials and explicit ports are never part of a genuine console or docs link.
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') {
    return false;
  }
  const host = url.hostname;
  return (
    exactHosts.has(host) || (host.endsWith(subdomainSuffix) && host.length > subdomainSuffix.length)
  );
}
