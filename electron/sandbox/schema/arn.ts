// ARNs the way AWS writes them: arn:aws:<service>:<region>:<account>:<resource>. The
// CloudFormation type name gives the service and the resource kind; a few services name
// their ARN namespace differently from their CloudFormation namespace.

const ARN_NAMESPACES: Record<string, string> = {
  AmazonMQ: 'mq',
  ApiGateway: 'apigateway',
  ApiGatewayV2: 'apigateway',
  ApplicationAutoScaling: 'application-autoscaling',
  CertificateManager: 'acm',
  Cognito: 'cognito-idp',
  DocDB: 'rds',
  EFS: 'elasticfilesystem',
  ElasticLoadBalancing: 'elasticloadbalancing',
  ElasticLoadBalancingV2: 'elasticloadbalancing',
  Elasticsearch: 'es',
  EMR: 'elasticmapreduce',
  EventSchemas: 'schemas',
  KinesisFirehose: 'firehose',
  MSK: 'kafka',
  Neptune: 'rds',
  OpenSearchService: 'es',
  ResourceGroups: 'resource-groups',
  StepFunctions: 'states',
};

/** `AWS::SageMaker::Image` → `SageMaker`. */
export function serviceOf(typeName: string): string {
  return typeName.split('::')[1] ?? '';
}

/** `AWS::SageMaker::ModelPackageGroup` → `ModelPackageGroup`. */
export function resourceKindOf(typeName: string): string {
  return typeName.split('::')[2] ?? '';
}

/** The ARN namespace of a type's service (`AWS::StepFunctions::…` → `states`). */
export function arnNamespaceOf(typeName: string): string {
  const service = serviceOf(typeName);
  return ARN_NAMESPACES[service] ?? service.toLowerCase();
}

/** `ModelPackageGroup` → `model-package-group`, `DBCluster` → `db-cluster`, `VPC` → `vpc`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export interface ArnParts {
  service: string;
  /** Empty for global services (IAM, S3). */
  region: string;
  /** Empty for S3 buckets. */
  account: string;
  resource: string;
}

export function formatArn(parts: ArnParts): string {
  return `arn:aws:${parts.service}:${parts.region}:${parts.account}:${parts.resource}`;
}

/**
 * The usual shapes of a resource ARN, most common first; the caller keeps the first one the
 * property's own pattern accepts (e.g. Lambda writes `function:name`, SNS just `name`).
 */
export function arnCandidates(
  service: string,
  region: string,
  account: string,
  kind: string,
  name: string,
): string[] {
  const kebab = kebabCase(kind);
  const lower = kind.toLowerCase();
  const camel = kind.charAt(0).toLowerCase() + kind.slice(1);
  const regional = (resource: string) => formatArn({ service, region, account, resource });
  return [
    regional(`${kebab}/${name}`),
    regional(`${kebab}:${name}`),
    regional(`${lower}/${name}`),
    regional(`${camel}:${name}`),
    regional(`${camel}/${name}`),
    regional(name),
    formatArn({ service, region: '', account, resource: `${kebab}/${name}` }),
    formatArn({ service, region: '', account: '', resource: name }),
  ];
}
