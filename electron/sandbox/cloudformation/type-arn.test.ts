import { describe, expect, it } from 'vitest';
import { typeArn, typeNameFromArn } from './type-arn';

describe('registry ARNs', () => {
  it('name AWS types without an account', () => {
    expect(typeArn('eu-west-1', 'AWS::SageMaker::Image')).toBe(
      'arn:aws:cloudformation:eu-west-1::type/resource/AWS-SageMaker-Image',
    );
  });

  it('parse back to type names, with or without a version', () => {
    expect(typeNameFromArn('arn:aws:cloudformation:us-east-1::type/resource/AWS-S3-Bucket')).toBe(
      'AWS::S3::Bucket',
    );
    expect(
      typeNameFromArn('arn:aws:cloudformation:us-east-1::type/resource/AWS-S3-Bucket/00000001'),
    ).toBe('AWS::S3::Bucket');
    expect(
      typeNameFromArn(
        'arn:aws:cloudformation:us-east-1:123456789012:type/resource/Acme-Widget-Thing',
      ),
    ).toBe('Acme::Widget::Thing');
  });

  it('reject other ARNs', () => {
    expect(typeNameFromArn('arn:aws:s3:::bucket')).toBeUndefined();
    expect(
      typeNameFromArn('arn:aws:cloudformation:us-east-1::type/module/AWS-S3-Bucket-MODULE'),
    ).toBeUndefined();
    expect(
      typeNameFromArn('arn:aws:cloudformation:us-east-1::type/resource/AWS-S3'),
    ).toBeUndefined();
  });
});
