import { describe, expect, it } from 'vitest';
import {
  awsCliCreate,
  cliProfileFor,
  pluralize,
  shellQuote,
  snakeCase,
  sqlLiteral,
  stackqlInsert,
  stackqlResourceName,
} from './equivalents';

describe('stackqlResourceName', () => {
  it.each([
    ['AWS::SageMaker::Image', 'aws.sagemaker.images'],
    ['AWS::SageMaker::ModelPackage', 'aws.sagemaker.model_packages'],
    ['AWS::SageMaker::ModelPackageGroup', 'aws.sagemaker.model_package_groups'],
    ['AWS::IAM::ManagedPolicy', 'aws.iam.managed_policies'],
    ['AWS::RDS::DBCluster', 'aws.rds.db_clusters'],
    ['AWS::EC2::VPC', 'aws.ec2.vpcs'],
    ['AWS::EC2::VPCEndpoint', 'aws.ec2.vpc_endpoints'],
    ['AWS::KMS::Alias', 'aws.kms.aliases'],
    ['AWS::S3::Bucket', 'aws.s3.buckets'],
  ])('%s → %s', (typeName, expected) => {
    expect(stackqlResourceName(typeName)).toBe(expected);
  });

  it('snake-cases and pluralizes words', () => {
    expect(snakeCase('IPAMPool')).toBe('ipam_pool');
    expect(pluralize('gateway')).toBe('gateways');
    expect(pluralize('match')).toBe('matches');
  });
});

describe('stackqlInsert', () => {
  it('lists the properties then the region, as the seeds do', () => {
    expect(
      stackqlInsert('AWS::SageMaker::Image', 'us-east-1', { ImageName: 'x', ImageRoleArn: 'y' }),
    ).toBe(
      "INSERT INTO aws.sagemaker.images (ImageName, ImageRoleArn, region) SELECT 'x', 'y', 'us-east-1';",
    );
  });

  it('quotes strings, and writes objects and arrays as JSON text', () => {
    const sql = stackqlInsert('AWS::SageMaker::Image', 'eu-west-1', {
      ImageDescription: "it's mine",
      Tags: [{ Key: 'team', Value: "o'neil" }],
      Count: 3,
      Enabled: false,
    });
    expect(sql).toBe(
      'INSERT INTO aws.sagemaker.images (ImageDescription, Tags, Count, Enabled, region) ' +
        `SELECT 'it''s mine', '[{"Key":"team","Value":"o''neil"}]', 3, false, 'eu-west-1';`,
    );
  });

  it('double-quotes names that are not plain identifiers', () => {
    expect(stackqlInsert('AWS::X::Y', 'r', { 'a-b': 1 })).toBe(
      `INSERT INTO aws.x.ys ("a-b", region) SELECT 1, 'r';`,
    );
  });

  it('writes null for null', () => {
    expect(sqlLiteral(null)).toBe('null');
  });
});

describe('awsCliCreate', () => {
  const desired = { ImageName: 'e2e-image', ImageRoleArn: 'arn:aws:iam::1:role/R' };

  it('builds the command with the profile', () => {
    expect(awsCliCreate('AWS::SageMaker::Image', 'us-east-1', desired, 'prod')).toBe(
      'aws cloudcontrol create-resource --type-name AWS::SageMaker::Image ' +
        `--desired-state '{"ImageName":"e2e-image","ImageRoleArn":"arn:aws:iam::1:role/R"}' ` +
        '--region us-east-1 --profile prod',
    );
  });

  it('quotes single quotes and odd profile names for the shell', () => {
    const command = awsCliCreate(
      'AWS::SageMaker::Image',
      'us-east-1',
      { ImageDescription: "it's" },
      'my profile',
    );
    expect(command).toContain(`--desired-state '{"ImageDescription":"it'\\''s"}'`);
    expect(command).toContain("--profile 'my profile'");
  });

  it('the built-in Sandbox names its endpoint when known, never a profile', () => {
    expect(
      awsCliCreate('AWS::SageMaker::Image', 'us-east-1', {}, { name: 'Sandbox', sandbox: true }),
    ).toBe(
      "aws cloudcontrol create-resource --type-name AWS::SageMaker::Image --desired-state '{}' --region us-east-1",
    );
    expect(
      awsCliCreate(
        'AWS::SageMaker::Image',
        'us-east-1',
        {},
        { name: 'Sandbox', sandbox: true, endpointUrl: 'http://127.0.0.1:4599' },
      ),
    ).toMatch(/--region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:4599$/);
  });

  it('a profile with an endpoint override gets --endpoint-url, so the command reaches what Cloudshelf reaches', () => {
    const local = cliProfileFor('localstack', {
      kind: 'static-keys',
      endpointUrl: 'http://localhost:4566',
    });
    expect(awsCliCreate('AWS::SageMaker::Image', 'eu-west-1', {}, local)).toBe(
      "aws cloudcontrol create-resource --type-name AWS::SageMaker::Image --desired-state '{}' --region eu-west-1 --profile localstack --endpoint-url http://localhost:4566",
    );
    const sandbox = cliProfileFor('Sandbox', {
      kind: 'sandbox',
      endpointUrl: 'http://127.0.0.1:4599',
    });
    expect(awsCliCreate('AWS::SageMaker::Image', 'us-east-1', {}, sandbox)).toMatch(
      /--region us-east-1 --endpoint-url http:\/\/127\.0\.0\.1:4599$/,
    );
    // Details not loaded yet: the plain profile command.
    expect(
      awsCliCreate('AWS::SageMaker::Image', 'us-east-1', {}, cliProfileFor('prod', undefined)),
    ).toMatch(/--profile prod$/);
  });

  it('shellQuote leaves safe words bare and quotes empty ones', () => {
    expect(shellQuote('us-east-1')).toBe('us-east-1');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
  });
});
