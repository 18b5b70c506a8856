import { formatArn } from './arn';
import { iamId, ec2Id } from './resource-ids';
import { randomFrom, UPPER_ALNUM } from './random-values';
import type { ValueRequest } from './value-request';

// Formats a schema cannot tell us: where AWS writes an ARN or address its own way for a
// type the sandbox shows often. Keyed by type, then property path (`Arn`, `Export/ExportArn`).
// A recipe returning undefined falls back to the generic rules.

type Recipe = (request: ValueRequest) => unknown;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** IAM ARNs are global (no region) and include the entity's path: `role/service-role/name`. */
function iamArn(resourceType: string, nameKey?: string): Recipe {
  return (request) => {
    const name = (nameKey && text(request.model[nameKey])) ?? request.resourceName();
    const path = text(request.model.Path) ?? '/';
    return formatArn({
      service: 'iam',
      region: '',
      account: request.context.account,
      resource: `${resourceType}${path}${name}`,
    });
  };
}

function iamUniqueId(kind: string): Recipe {
  return (request) => iamId(kind, request.context.random);
}

function sagemakerArn(resource: (request: ValueRequest) => string): Recipe {
  return (request) =>
    formatArn({
      service: 'sagemaker',
      region: request.context.region,
      account: request.context.account,
      resource: resource(request),
    });
}

/** SageMaker lowercases resource names in its ARNs. */
function sagemakerName(value: unknown, fallback: string): string {
  return (text(value) ?? fallback).toLowerCase();
}

/** `ModelPackageGroupName` may hold the group's name or its ARN. */
function groupName(value: unknown): string | undefined {
  const name = text(value);
  return name?.startsWith('arn:') ? name.split('/').pop() : name;
}

/** SQS queues are identified by URL; the name is its last part. */
function queueName(request: ValueRequest): string {
  return text(request.model.QueueName) ?? request.resourceName();
}

function s3Host(request: ValueRequest, suffix: string): string {
  return `${request.resourceName()}.${suffix}`;
}

const RECIPES: Record<string, Record<string, Recipe>> = {
  'AWS::S3::Bucket': {
    Arn: (request) =>
      formatArn({ service: 's3', region: '', account: '', resource: request.resourceName() }),
    DomainName: (request) => s3Host(request, 's3.amazonaws.com'),
    RegionalDomainName: (request) => s3Host(request, `s3.${request.context.region}.amazonaws.com`),
    DualStackDomainName: (request) =>
      s3Host(request, `s3.dualstack.${request.context.region}.amazonaws.com`),
    WebsiteURL: (request) =>
      `http://${s3Host(request, `s3-website-${request.context.region}.amazonaws.com`)}`,
  },
  'AWS::IAM::Role': { Arn: iamArn('role', 'RoleName'), RoleId: iamUniqueId('Role') },
  'AWS::IAM::User': { Arn: iamArn('user', 'UserName') },
  'AWS::IAM::Group': { Arn: iamArn('group', 'GroupName') },
  'AWS::IAM::InstanceProfile': { Arn: iamArn('instance-profile', 'InstanceProfileName') },
  'AWS::IAM::ManagedPolicy': {
    PolicyArn: iamArn('policy', 'ManagedPolicyName'),
    PolicyId: iamUniqueId('ManagedPolicy'),
    DefaultVersionId: () => 'v1',
    IsAttachable: () => true,
  },
  'AWS::Lambda::Function': {
    Arn: (request) =>
      formatArn({
        service: 'lambda',
        region: request.context.region,
        account: request.context.account,
        resource: `function:${request.resourceName()}`,
      }),
  },
  'AWS::ECR::Repository': {
    RepositoryUri: (request) =>
      `${request.context.account}.dkr.ecr.${request.context.region}.amazonaws.com/${request.resourceName()}`,
  },
  'AWS::EC2::VPC': {
    CidrBlockAssociations: (request) => [ec2Id('vpc-cidr-assoc', request.context.random)],
  },
  'AWS::Route53::HostedZone': {
    Id: (request) => 'Z' + randomFrom(request.context.random, UPPER_ALNUM, 20),
    NameServers: (request) => {
      const server = () => 100 + Math.floor(request.context.random() * 1900);
      const zone = () => 10 + Math.floor(request.context.random() * 50);
      return [
        `ns-${server()}.awsdns-${zone()}.org`,
        `ns-${server()}.awsdns-${zone()}.co.uk`,
        `ns-${server()}.awsdns-${zone()}.com`,
        `ns-${server()}.awsdns-${zone()}.net`,
      ];
    },
  },
  'AWS::SNS::Topic': {
    TopicArn: (request) =>
      formatArn({
        service: 'sns',
        region: request.context.region,
        account: request.context.account,
        resource: request.resourceName(),
      }),
  },
  'AWS::SQS::Queue': {
    QueueUrl: (request) =>
      `https://sqs.${request.context.region}.amazonaws.com/${request.context.account}/${queueName(request)}`,
    Arn: (request) =>
      formatArn({
        service: 'sqs',
        region: request.context.region,
        account: request.context.account,
        resource: queueName(request),
      }),
  },
  'AWS::Logs::LogGroup': {
    Arn: (request) =>
      formatArn({
        service: 'logs',
        region: request.context.region,
        account: request.context.account,
        resource: `log-group:${request.resourceName()}:*`,
      }),
  },
  'AWS::CloudFront::Distribution': {
    Id: (request) => 'E' + randomFrom(request.context.random, UPPER_ALNUM, 13),
    DomainName: (request) =>
      `d${randomFrom(request.context.random, '0123456789abcdefghijklmnopqrstuvwxyz', 13)}.cloudfront.net`,
  },
  'AWS::SageMaker::Image': {
    ImageArn: sagemakerArn(
      (request) => `image/${sagemakerName(request.model.ImageName, request.resourceName())}`,
    ),
  },
  'AWS::SageMaker::ImageVersion': {
    ImageArn: sagemakerArn(
      (request) => `image/${sagemakerName(request.model.ImageName, request.resourceName())}`,
    ),
    ImageVersionArn: sagemakerArn((request) => {
      const version = typeof request.model.Version === 'number' ? request.model.Version : 1;
      return `image-version/${sagemakerName(request.model.ImageName, request.resourceName())}/${version}`;
    }),
    ContainerImage: (request) => text(request.model.BaseImage),
  },
  'AWS::SageMaker::ModelPackageGroup': {
    ModelPackageGroupArn: sagemakerArn(
      (request) =>
        `model-package-group/${sagemakerName(request.model.ModelPackageGroupName, request.resourceName())}`,
    ),
  },
  'AWS::SageMaker::ModelPackage': {
    // Versioned packages live in a group (`model-package/<group>/<version>`); unversioned
    // ones are named (`model-package/<name>`).
    ModelPackageArn: sagemakerArn((request) => {
      const group = groupName(request.model.ModelPackageGroupName);
      if (group === undefined) {
        return `model-package/${sagemakerName(request.model.ModelPackageName, request.resourceName())}`;
      }
      const version =
        typeof request.model.ModelPackageVersion === 'number'
          ? request.model.ModelPackageVersion
          : 1;
      return `model-package/${group.toLowerCase()}/${version}`;
    }),
  },
};

/** The type-specific value for a property, or undefined to use the generic rules. */
export function recipeValue(request: ValueRequest): unknown {
  const recipe = RECIPES[request.typeName]?.[request.path.join('/')];
  return recipe ? recipe(request) : undefined;
}

/** Writable properties AWS fills in when a create leaves them out, per type. */
export function defaultedWritableProperties(
  typeName: string,
  model: Record<string, unknown>,
): Record<string, unknown> {
  // A package created into a group becomes its next version; the first is 1 (the server may
  // renumber when it knows the group's other versions).
  if (
    typeName === 'AWS::SageMaker::ModelPackage' &&
    groupName(model.ModelPackageGroupName) !== undefined &&
    model.ModelPackageVersion === undefined
  ) {
    return { ModelPackageVersion: 1 };
  }
  return {};
}
