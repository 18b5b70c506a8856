import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-urls';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://console.aws.amazon.com/',
    'https://console.aws.amazon.com/sagemaker/home?region=eu-west-1#/images',
    'https://eu-west-1.console.aws.amazon.com/cloudformation/home',
    'https://us-east-1.console.aws.amazon.com/',
    'https://docs.aws.amazon.com/cloudcontrolapi/latest/userguide/what-is-cloudcontrolapi.html',
    'HTTPS://CONSOLE.AWS.AMAZON.COM/',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://console.aws.amazon.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a custom protocol', 'ms-msdt:/id PCWDiagnostic'],
    ['a lookalike suffix', 'https://console.aws.amazon.com.evil.com/'],
    ['a lookalike prefix', 'https://evilconsole.aws.amazon.com/'],
    ['a sibling AWS host', 'https://signin.aws.amazon.com/'],
    ['a docs subdomain', 'https://evil.docs.aws.amazon.com/'],
    ['userinfo spoofing', 'https://console.aws.amazon.com@evil.com/'],
    ['credentials on the real host', 'https://user:pw@console.aws.amazon.com/'],
    ['a non-default port', 'https://console.aws.amazon.com:8443/'],
    ['an empty subdomain label', 'https://.console.aws.amazon.com/'],
    ['a trailing-dot host', 'https://console.aws.amazon.com./'],
    ['the app itself', 'app://cloudshelf/index.html'],
    ['garbage', 'console.aws.amazon.com'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});
