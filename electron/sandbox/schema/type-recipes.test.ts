import { describe, expect, it } from 'vitest';
import { testContext, vendoredModel } from './test-helpers';
import { defaultedWritableProperties } from './type-recipes';

describe('type recipes', () => {
  it('write the ARN and URL forms AWS uses for common types', async () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'AWS::SNS::Topic',
        { TopicName: 'alerts' },
        { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts' },
      ],
      [
        'AWS::SQS::Queue',
        { QueueName: 'jobs' },
        {
          QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/jobs',
          Arn: 'arn:aws:sqs:eu-west-1:123456789012:jobs',
        },
      ],
      [
        'AWS::Logs::LogGroup',
        { LogGroupName: '/aws/lambda/resize' },
        { Arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/resize:*' },
      ],
      [
        'AWS::IAM::ManagedPolicy',
        { ManagedPolicyName: 'read-only', PolicyDocument: {} },
        {
          PolicyArn: 'arn:aws:iam::123456789012:policy/read-only',
          DefaultVersionId: 'v1',
          IsAttachable: true,
        },
      ],
    ];
    for (const [typeName, desired, expected] of cases) {
      const model = await vendoredModel(typeName);
      expect(model.withGeneratedReadOnly(desired, testContext()), typeName).toMatchObject(expected);
    }
  });

  it('give hosted zones and distributions their id formats', async () => {
    const zone = await vendoredModel('AWS::Route53::HostedZone');
    const generated = zone.withGeneratedReadOnly({ Name: 'example.com' }, testContext());
    expect(generated.Id).toMatch(/^Z[A-Z0-9]{20}$/);
    expect(generated.NameServers).toHaveLength(4);
    const distribution = await vendoredModel('AWS::CloudFront::Distribution');
    const made = distribution.withGeneratedReadOnly({ DistributionConfig: {} }, testContext());
    expect(made.Id).toMatch(/^E[A-Z0-9]{13}$/);
    expect(made.DomainName).toMatch(/^d[a-z0-9]{13}\.cloudfront\.net$/);
  });

  it('number a grouped model package 1 unless told otherwise', () => {
    expect(
      defaultedWritableProperties('AWS::SageMaker::ModelPackage', { ModelPackageGroupName: 'g' }),
    ).toEqual({ ModelPackageVersion: 1 });
    expect(
      defaultedWritableProperties('AWS::SageMaker::ModelPackage', {
        ModelPackageGroupName: 'arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/g',
        ModelPackageVersion: 3,
      }),
    ).toEqual({});
    expect(defaultedWritableProperties('AWS::SageMaker::ModelPackage', {})).toEqual({});
  });
});
