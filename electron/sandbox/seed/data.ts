import { createRandom, randomInt, shuffled, type Random } from '../prng';

/**
 * The sandbox's sample data, as data: every account gets exactly these resources (with its
 * own account id in ARNs), so tests can count on them. Desired states only; read-only
 * values (ARNs, timestamps, ids, model package versions) are filled in the way a create
 * fills them. The randomness is seeded and independent of the account.
 */
export interface SampleResource {
  typeName: string;
  /** The region it is created in; global types (S3, IAM) show in every region. */
  region: string;
  desired: Record<string, unknown>;
  /** How long ago it was made (drives CreationTime-like values). */
  ageDays: number;
}

export const sampleRegions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'] as const;

/** SageMaker images per region: 60 in us-east-1 make three pages of 25. */
export const imageCounts: Readonly<Record<(typeof sampleRegions)[number], number>> = {
  'us-east-1': 60,
  'us-west-2': 8,
  'eu-west-1': 12,
  'ap-northeast-1': 5,
};

/** Model package groups and how many versions each has, per region. */
export const modelPackageGroups: Readonly<
  Record<string, readonly { name: string; versions: number; description: string }[]>
> = {
  'us-east-1': [
    {
      name: 'churn-prediction',
      versions: 5,
      description: 'Customer churn classifiers trained weekly.',
    },
    { name: 'fraud-detection', versions: 4, description: 'Card-not-present fraud scoring models.' },
    {
      name: 'demand-forecast',
      versions: 3,
      description: 'Daily demand forecasts per store and SKU.',
    },
    {
      name: 'recommendation-ranker',
      versions: 2,
      description: 'Second-stage ranking for home page recommendations.',
    },
  ],
  'eu-west-1': [
    {
      name: 'credit-risk',
      versions: 4,
      description: 'Credit risk scoring for EU lending products.',
    },
    {
      name: 'document-classifier',
      versions: 2,
      description: 'Routes inbound documents to the right queue.',
    },
  ],
};

/**
 * Unversioned model packages (not in any group, as AWS Marketplace sellers make them), per
 * region: the only model packages a list without ModelPackageGroupName returns.
 */
export const unversionedModelPackages: Readonly<
  Record<string, readonly { name: string; description: string; ageDays: number }[]>
> = {
  'us-east-1': [
    {
      name: 'xgboost-churn-marketplace',
      description: 'Churn classifier packaged for AWS Marketplace.',
      ageDays: 300,
    },
    {
      name: 'bert-sentiment-marketplace',
      description: 'Sentiment model packaged for AWS Marketplace.',
      ageDays: 150,
    },
  ],
  'eu-west-1': [
    {
      name: 'invoice-ocr-marketplace',
      description: 'Invoice field extraction packaged for AWS Marketplace.',
      ageDays: 90,
    },
  ],
};

export type ApprovalStatus = 'Approved' | 'PendingManualApproval' | 'Rejected';

/** Newest version waits for approval, the one before it was rejected when there are 4+. */
export function approvalStatusOf(version: number, versions: number): ApprovalStatus {
  if (version === versions) return 'PendingManualApproval';
  if (versions >= 4 && version === versions - 1) return 'Rejected';
  return 'Approved';
}

const frameworks = [
  { slug: 'pytorch', display: 'PyTorch', versions: ['1.13', '2.0', '2.1', '2.2', '2.3'] },
  { slug: 'tensorflow', display: 'TensorFlow', versions: ['2.12', '2.13', '2.14', '2.15'] },
  {
    slug: 'huggingface-transformers',
    display: 'Hugging Face Transformers',
    versions: ['4.36', '4.40'],
  },
  { slug: 'xgboost', display: 'XGBoost', versions: ['1.7', '2.0'] },
  { slug: 'sklearn', display: 'scikit-learn', versions: ['1.2', '1.3'] },
  { slug: 'jax', display: 'JAX', versions: ['0.4'] },
  { slug: 'rapids', display: 'RAPIDS', versions: ['23.12', '24.02'] },
  { slug: 'r-studio', display: 'RStudio', versions: ['4.3'] },
] as const;

const variants = [
  { slug: 'gpu', display: 'GPU', purpose: 'GPU training and inference' },
  { slug: 'cpu', display: 'CPU', purpose: 'CPU-only workloads' },
  { slug: 'inference', display: 'Inference', purpose: 'real-time inference endpoints' },
  { slug: 'training', display: 'Training', purpose: 'distributed training jobs' },
  { slug: 'notebook', display: 'Notebook', purpose: 'Studio notebooks' },
] as const;

const teams = [
  'ml-platform',
  'data-science',
  'recommendations',
  'risk-analytics',
  'forecasting',
] as const;
const environments = ['prod', 'staging', 'dev'] as const;

interface ImageSpec {
  name: string;
  display: string;
  description: string;
}

/** All image names the seed draws from; two well-known ones always come first. */
function imageSpecs(random: Random): ImageSpec[] {
  const combos: ImageSpec[] = [];
  for (const framework of frameworks) {
    for (const version of framework.versions) {
      for (const variant of variants) {
        combos.push({
          name: `${framework.slug}-${version.replace('.', '-')}-${variant.slug}`,
          display: `${framework.display} ${version} ${variant.display}`,
          description: `${framework.display} ${version} image for ${variant.purpose}.`,
        });
      }
    }
  }
  const first: ImageSpec[] = [
    {
      name: 'pytorch-2-1-gpu',
      display: 'PyTorch 2.1 GPU',
      description: 'PyTorch 2.1 image for GPU training and inference.',
    },
    {
      name: 'tf-serving-base',
      display: 'TF Serving Base',
      description: 'TensorFlow Serving base image for model endpoints.',
    },
  ];
  const rest = shuffled(
    random,
    combos.filter((spec) => !first.some((f) => f.name === spec.name)),
  );
  return [...first, ...rest];
}

/** Every sample resource for one account, in creation order. */
export function sampleResources(account: string): SampleResource[] {
  const random = createRandom(20261123);
  const age = (): number => randomInt(random, 1, 420);
  const out: SampleResource[] = [];
  const tags = (team: string, env: string): { Key: string; Value: string }[] => [
    { Key: 'team', Value: team },
    { Key: 'environment', Value: env },
    { Key: 'managed-by', Value: 'cloudshelf-sandbox' },
  ];

  // SageMaker images, region by region, from one shuffled pool so names never repeat.
  const specs = imageSpecs(random);
  let next = 0;
  for (const region of sampleRegions) {
    for (let i = 0; i < imageCounts[region]; i++) {
      const spec = specs[next++];
      if (!spec) throw new Error('not enough sample image names');
      const team = teams[randomInt(random, 0, teams.length - 1)] ?? 'ml-platform';
      const env = environments[randomInt(random, 0, environments.length - 1)] ?? 'prod';
      out.push({
        typeName: 'AWS::SageMaker::Image',
        region,
        ageDays: age(),
        desired: {
          ImageName: spec.name,
          ImageDisplayName: spec.display,
          ImageDescription: spec.description,
          ImageRoleArn: `arn:aws:iam::${account}:role/service-role/AmazonSageMaker-ExecutionRole-${team}`,
          Tags: tags(team, env),
        },
      });
    }
  }

  // Model package groups, then their versions oldest first (versions number 1, 2, …).
  for (const [region, groups] of Object.entries(modelPackageGroups)) {
    for (const group of groups) {
      const groupAge = randomInt(random, 200, 420);
      out.push({
        typeName: 'AWS::SageMaker::ModelPackageGroup',
        region,
        ageDays: groupAge,
        desired: {
          ModelPackageGroupName: group.name,
          ModelPackageGroupDescription: group.description,
          Tags: [{ Key: 'team', Value: 'data-science' }],
        },
      });
      for (let version = 1; version <= group.versions; version++) {
        out.push({
          typeName: 'AWS::SageMaker::ModelPackage',
          region,
          ageDays: Math.max(1, groupAge - version * 30),
          desired: {
            ModelPackageGroupName: group.name,
            ModelPackageDescription: `${group.name} model, training run ${version}.`,
            ModelApprovalStatus: approvalStatusOf(version, group.versions),
            InferenceSpecification: {
              Containers: [
                {
                  Image: `${account}.dkr.ecr.${region}.amazonaws.com/${group.name}:v${version}`,
                  ModelDataUrl: `s3://cloudshelf-sandbox-${account}-models/${group.name}/v${version}/model.tar.gz`,
                },
              ],
              SupportedContentTypes: ['text/csv', 'application/json'],
              SupportedResponseMIMETypes: ['application/json'],
              SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large', 'ml.m5.xlarge'],
            },
            Tags: [{ Key: 'team', Value: 'data-science' }],
          },
        });
      }
    }
  }

  // Unversioned model packages: fixed ages, so the random draws of everything else stay put.
  for (const [region, packages] of Object.entries(unversionedModelPackages)) {
    for (const pkg of packages) {
      out.push({
        typeName: 'AWS::SageMaker::ModelPackage',
        region,
        ageDays: pkg.ageDays,
        desired: {
          ModelPackageName: pkg.name,
          ModelPackageDescription: pkg.description,
          CertifyForMarketplace: true,
          InferenceSpecification: {
            Containers: [
              {
                Image: `${account}.dkr.ecr.${region}.amazonaws.com/${pkg.name}:latest`,
                ModelDataUrl: `s3://cloudshelf-sandbox-${account}-models/${pkg.name}/model.tar.gz`,
              },
            ],
            SupportedContentTypes: ['application/json'],
            SupportedResponseMIMETypes: ['application/json'],
            SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'],
          },
        },
      });
    }
  }

  // Global types: created in us-east-1, listed from every region.
  for (const suffix of ['logs', 'artifacts', 'datasets', 'models', 'static-site']) {
    out.push({
      typeName: 'AWS::S3::Bucket',
      region: 'us-east-1',
      ageDays: age(),
      desired: {
        BucketName: `cloudshelf-sandbox-${account}-${suffix}`,
        VersioningConfiguration: { Status: suffix === 'logs' ? 'Suspended' : 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: suffix !== 'static-site',
          IgnorePublicAcls: true,
          RestrictPublicBuckets: suffix !== 'static-site',
        },
        Tags: [{ Key: 'purpose', Value: suffix }],
      },
    });
  }
  const trust = (service: string): Record<string, unknown> => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
  const roles: [string, string, string, string][] = [
    [
      'AmazonSageMaker-ExecutionRole-ml-platform',
      '/service-role/',
      'sagemaker.amazonaws.com',
      'SageMaker execution role for the ML platform team.',
    ],
    [
      'AmazonSageMaker-ExecutionRole-data-science',
      '/service-role/',
      'sagemaker.amazonaws.com',
      'SageMaker execution role for data science.',
    ],
    ['lambda-basic-execution', '/', 'lambda.amazonaws.com', 'Runs the sample Lambda functions.'],
    [
      'ecr-replication',
      '/',
      'replication.ecr.amazonaws.com',
      'Replicates container images across regions.',
    ],
  ];
  for (const [name, path, service, description] of roles) {
    out.push({
      typeName: 'AWS::IAM::Role',
      region: 'us-east-1',
      ageDays: age(),
      desired: {
        RoleName: name,
        Path: path,
        Description: description,
        AssumeRolePolicyDocument: trust(service),
        MaxSessionDuration: 3600,
      },
    });
  }

  const functions: [string, string, string][] = [
    ['us-east-1', 'image-catalog-sync', 'Copies SageMaker image metadata into the catalog.'],
    ['us-east-1', 'model-approval-notifier', 'Posts model package approval changes to chat.'],
    ['us-east-1', 'nightly-cost-report', 'Emails the nightly ML spend report.'],
    ['eu-west-1', 'credit-risk-scorer', 'Scores credit applications with the approved model.'],
    ['eu-west-1', 'document-ingest', 'Splits and routes inbound documents.'],
  ];
  for (const [region, name, description] of functions) {
    out.push({
      typeName: 'AWS::Lambda::Function',
      region,
      ageDays: age(),
      desired: {
        FunctionName: name,
        Description: description,
        Role: `arn:aws:iam::${account}:role/lambda-basic-execution`,
        Runtime: 'python3.12',
        Handler: 'index.handler',
        Code: { ZipFile: 'def handler(event, context):\n    return {"ok": True}\n' },
        MemorySize: 256,
        Timeout: 30,
        Architectures: ['arm64'],
        Tags: [{ Key: 'team', Value: 'ml-platform' }],
      },
    });
  }

  const vpcs: [string, string, string][] = [
    ['us-east-1', '10.0.0.0/16', 'main'],
    ['us-east-1', '10.1.0.0/16', 'ml-training'],
    ['eu-west-1', '10.20.0.0/16', 'main'],
  ];
  for (const [region, cidr, name] of vpcs) {
    out.push({
      typeName: 'AWS::EC2::VPC',
      region,
      ageDays: age(),
      desired: {
        CidrBlock: cidr,
        EnableDnsSupport: true,
        EnableDnsHostnames: true,
        InstanceTenancy: 'default',
        Tags: [{ Key: 'Name', Value: name }],
      },
    });
  }

  const repositories: [string, string][] = [
    ['us-east-1', 'ml/pytorch-inference'],
    ['us-east-1', 'ml/tf-serving'],
    ['us-east-1', 'web/frontend'],
    ['us-west-2', 'ml/pytorch-inference'],
  ];
  for (const [region, name] of repositories) {
    out.push({
      typeName: 'AWS::ECR::Repository',
      region,
      ageDays: age(),
      desired: {
        RepositoryName: name,
        ImageTagMutability: 'IMMUTABLE',
        ImageScanningConfiguration: { ScanOnPush: true },
        Tags: [{ Key: 'team', Value: name.startsWith('ml/') ? 'ml-platform' : 'web' }],
      },
    });
  }
  return out;
}

/** How many sample resources of a type a region's list shows (global types: all of them). */
export function sampleCount(
  typeName: string,
  region: string,
  globalTypes: ReadonlySet<string>,
): number {
  return sampleResources('000000000000').filter(
    (r) => r.typeName === typeName && (globalTypes.has(typeName) || r.region === region),
  ).length;
}
