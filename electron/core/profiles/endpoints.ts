import { CONFIG_PREFIX_SEPARATOR } from '@smithy/shared-ini-file-loader';
import type { AwsFiles } from './config-files';
import type { ProfileEnv } from './env';

/** The services Cloudshelf calls, by their configured-endpoints id. */
export type EndpointService = 'cloudcontrol' | 'cloudformation' | 'sts';

const envNames: Record<EndpointService, keyof ProfileEnv> = {
  cloudcontrol: 'AWS_ENDPOINT_URL_CLOUDCONTROL',
  cloudformation: 'AWS_ENDPOINT_URL_CLOUDFORMATION',
  sts: 'AWS_ENDPOINT_URL_STS',
};

export type ProfileEndpoints = Record<EndpointService, string | null>;

/**
 * AWS "configured endpoints", in the SDKs' documented order: AWS_ENDPOINT_URL_<SERVICE>,
 * AWS_ENDPOINT_URL, the profile's `services` section entry, the profile's `endpoint_url`.
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls` turn all off.
 */
export function profileEndpoints(
  files: AwsFiles,
  section: Readonly<Record<string, string | undefined>>,
  env: ProfileEnv,
): ProfileEndpoints {
  const ignore =
    isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ||
    isTrue(section.ignore_configured_endpoint_urls);
  const servicesName = section.services;
  const servicesKey = servicesName ? `services${CONFIG_PREFIX_SEPARATOR}${servicesName}` : '';
  const services =
    servicesKey && Object.hasOwn(files.config, servicesKey) ? files.config[servicesKey] : undefined;
  const endpointFor = (service: EndpointService): string | null => {
    if (ignore) return null;
    return (
      nonEmpty(env[envNames[service]]) ??
      nonEmpty(env.AWS_ENDPOINT_URL) ??
      nonEmpty(services?.[`${service}${CONFIG_PREFIX_SEPARATOR}endpoint_url`]) ??
      nonEmpty(section.endpoint_url) ??
      null
    );
  };
  return {
    cloudcontrol: endpointFor('cloudcontrol'),
    cloudformation: endpointFor('cloudformation'),
    sts: endpointFor('sts'),
  };
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
