import { describe, expect, it } from 'vitest';
import type { ResourceSchema } from '../../registry/resource-schema';
import {
  DEFAULT_PAGE_SIZE,
  handlerNamesOf,
  isGlobalType,
  pageSizeFor,
  provisioningTypeOf,
  UNPAGED_PAGE_SIZE,
} from './type-traits';

function withHandlers(handlers: ResourceSchema['handlers']): ResourceSchema {
  return {
    typeName: 'AWS::Test::Thing',
    description: 'test',
    properties: {},
    primaryIdentifier: [],
    ...(handlers ? { handlers } : {}),
  };
}

describe('provisioningTypeOf', () => {
  it('derives the provisioning type from the handlers', () => {
    const all = handlerNamesOf(
      withHandlers({ create: {}, read: {}, update: {}, delete: {}, list: {} }),
    );
    expect(all).toEqual(new Set(['create', 'read', 'update', 'delete', 'list']));
    expect(provisioningTypeOf(all)).toBe('FULLY_MUTABLE');
    expect(
      provisioningTypeOf(handlerNamesOf(withHandlers({ create: {}, read: {}, delete: {} }))),
    ).toBe('IMMUTABLE');
    expect(provisioningTypeOf(handlerNamesOf(withHandlers({ read: {}, list: {} })))).toBe(
      'NON_PROVISIONABLE',
    );
    expect(provisioningTypeOf(handlerNamesOf(withHandlers(undefined)))).toBe('NON_PROVISIONABLE');
  });
});

describe('isGlobalType and pageSizeFor', () => {
  it('marks the documented global types only', () => {
    expect(isGlobalType('AWS::S3::Bucket')).toBe(true);
    expect(isGlobalType('AWS::IAM::Role')).toBe(true);
    expect(isGlobalType('AWS::CloudFront::Distribution')).toBe(true);
    expect(isGlobalType('AWS::SageMaker::Image')).toBe(false);
    expect(isGlobalType('AWS::S3::AccessPoint')).toBe(false);
  });

  it('pages by 25, except IAM and S3 buckets which return everything', () => {
    expect(pageSizeFor('AWS::SageMaker::Image')).toBe(DEFAULT_PAGE_SIZE);
    expect(DEFAULT_PAGE_SIZE).toBe(25);
    expect(pageSizeFor('AWS::IAM::Role')).toBe(UNPAGED_PAGE_SIZE);
    expect(pageSizeFor('AWS::S3::Bucket')).toBe(1000);
  });
});
