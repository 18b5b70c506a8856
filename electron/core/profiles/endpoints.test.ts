import { describe, expect, it } from 'vitest';
import type { AwsFiles } from './config-files';
import { profileEndpoints } from './endpoints';

const files = (config: AwsFiles['config']): AwsFiles => ({
  paths: { config: 'c', credentials: 'k' },
  config,
  credentials: {},
  problems: [],
  touched: { config: new Map(), credentials: new Map() },
});

describe('profileEndpoints', () => {
  const withServices = files({
    'services.local': {
      'cloudcontrol.endpoint_url': 'http://cc:1',
      'sts.endpoint_url': 'http://sts:1',
    },
  });

  it('takes service entries from the named services section, the rest from endpoint_url', () => {
    expect(
      profileEndpoints(withServices, { services: 'local', endpoint_url: 'http://all:1' }, {}),
    ).toEqual({ cloudcontrol: 'http://cc:1', cloudformation: 'http://all:1', sts: 'http://sts:1' });
  });

  it('has none without configuration, and ignores a services section that does not exist', () => {
    expect(profileEndpoints(withServices, { services: 'missing' }, {})).toEqual({
      cloudcontrol: null,
      cloudformation: null,
      sts: null,
    });
  });

  it('lets the environment win, service-specific first', () => {
    expect(
      profileEndpoints(
        withServices,
        { services: 'local' },
        { AWS_ENDPOINT_URL: 'http://env:1', AWS_ENDPOINT_URL_STS: 'http://env-sts:1' },
      ),
    ).toEqual({
      cloudcontrol: 'http://env:1',
      cloudformation: 'http://env:1',
      sts: 'http://env-sts:1',
    });
  });

  it('honours ignore_configured_endpoint_urls in the profile', () => {
    expect(
      profileEndpoints(
        withServices,
        { endpoint_url: 'http://all:1', ignore_configured_endpoint_urls: 'true' },
        {},
      ).cloudcontrol,
    ).toBeNull();
  });
});
