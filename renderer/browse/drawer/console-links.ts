import type { InventoryRow } from '../../../shared/contract';

const isArn = (value: unknown): value is string =>
  typeof value === 'string' && /^arn:[^:\s]+:[^:\s]+:/.test(value);

/**
 * The resource's ARN: the property named after the type (`ImageArn` for
 * AWS::SageMaker::Image), else `Arn`, else the identifier when it is one, else the first
 * top-level property ending in `Arn`. Null when none holds an ARN.
 */
export function arnOf(typeName: string, row: InventoryRow): string | null {
  const resource = typeName.split('::')[2] ?? '';
  const props = row.properties;
  for (const name of [`${resource}Arn`, 'Arn']) {
    if (isArn(props[name])) return props[name];
  }
  if (isArn(row.identifier)) return row.identifier;
  for (const [name, value] of Object.entries(props)) {
    if (name.endsWith('Arn') && isArn(value)) return value;
  }
  return null;
}

/**
 * The region for console URLs. Commercial partition only: China, GovCloud and the isolated
 * partitions have consoles elsewhere (which the desktop app does not open). Global types'
 * rows may carry no region; their console pages live in us-east-1.
 */
function consoleRegion(region: string, arn: string | null): string | null {
  if (arn !== null && !arn.startsWith('arn:aws:')) return null;
  if (region === '' || region === 'global' || region === 'aws-global') return 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return null;
  return /^(cn|us-gov|us-iso[a-z]*|eu-isoe)-/.test(region) ? null : region;
}

const enc = encodeURIComponent;

const regional = (region: string, service: string, fragment: string): string =>
  `https://${region}.console.aws.amazon.com/${service}/home?region=${region}#${fragment}`;

/** How a type's console page is found: the property naming the resource, and the URL. */
interface LinkSpec {
  property: string;
  /** The identifier is that property's value (so rows not yet read in full link too). */
  identifierIsName?: boolean;
  url: (region: string, name: string) => string;
}

const sageMaker = (route: string, property: string, identifierIsName = false): LinkSpec => ({
  property,
  identifierIsName,
  url: (region, name) => regional(region, 'sagemaker', `/${route}/${enc(name)}`),
});

const links: Record<string, LinkSpec> = {
  // SageMaker first: what Cloudshelf is mostly used for.
  'AWS::SageMaker::Image': sageMaker('images', 'ImageName'),
  'AWS::SageMaker::ModelPackageGroup': sageMaker('model-registry', 'ModelPackageGroupName'),
  'AWS::SageMaker::Model': sageMaker('models', 'ModelName'),
  'AWS::SageMaker::Endpoint': sageMaker('endpoints', 'EndpointName'),
  'AWS::SageMaker::EndpointConfig': sageMaker('endpointConfig', 'EndpointConfigName'),
  'AWS::SageMaker::NotebookInstance': sageMaker('notebook-instances', 'NotebookInstanceName'),
  'AWS::SageMaker::Domain': sageMaker('studio', 'DomainId', true),
  'AWS::SageMaker::Pipeline': sageMaker('pipelines', 'PipelineName', true),
  'AWS::S3::Bucket': {
    property: 'BucketName',
    identifierIsName: true,
    url: (region, name) =>
      `https://s3.console.aws.amazon.com/s3/buckets/${enc(name)}?region=${region}`,
  },
  'AWS::Lambda::Function': {
    property: 'FunctionName',
    identifierIsName: true,
    url: (region, name) => regional(region, 'lambda', `/functions/${enc(name)}`),
  },
  'AWS::IAM::Role': {
    property: 'RoleName',
    identifierIsName: true,
    url: (_region, name) => `https://console.aws.amazon.com/iam/home#/roles/details/${enc(name)}`,
  },
  'AWS::EC2::Instance': {
    property: 'InstanceId',
    identifierIsName: true,
    url: (region, id) => regional(region, 'ec2', `InstanceDetails:instanceId=${enc(id)}`),
  },
  'AWS::DynamoDB::Table': {
    property: 'TableName',
    identifierIsName: true,
    url: (region, name) => regional(region, 'dynamodbv2', `table?name=${enc(name)}`),
  },
};

/** A versioned model package opens its group in the model registry, which lists versions. */
const versionedModelPackage: LinkSpec = sageMaker('model-registry', 'ModelPackageGroupName');
const unversionedModelPackage: LinkSpec = sageMaker('model-packages', 'ModelPackageName');

/** `name` for `arn:aws:sagemaker:eu-west-1:123456789012:image/name`; null for deeper paths. */
const arnTail = (arn: string | null): string | null => {
  const resource = arn?.split(':').slice(5).join(':') ?? '';
  const parts = resource.split('/');
  return parts.length === 2 && parts[1] !== '' ? (parts[1] ?? null) : null;
};

function nameFor(spec: LinkSpec, typeName: string, row: InventoryRow): string | null {
  const value = row.properties[spec.property];
  if (typeof value === 'string' && value !== '') return value;
  if (spec.identifierIsName && row.identifier !== '' && !row.identifier.includes('|')) {
    return row.identifier;
  }
  return spec.property.endsWith('Name') ? arnTail(arnOf(typeName, row)) : null;
}

/** The resource's page in the AWS console, where one is known for its type; else null. */
export function consoleUrl(typeName: string, row: InventoryRow): string | null {
  const region = consoleRegion(row.region, arnOf(typeName, row));
  if (region === null) return null;
  const spec =
    typeName === 'AWS::SageMaker::ModelPackage'
      ? typeof row.properties.ModelPackageGroupName === 'string'
        ? versionedModelPackage
        : unversionedModelPackage
      : links[typeName];
  if (!spec) return null;
  const name = nameFor(spec, typeName, row);
  return name === null ? null : spec.url(region, name);
}
