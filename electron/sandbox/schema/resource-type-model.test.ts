import { describe, expect, it } from 'vitest';
import { messages, testContext, vendoredModel } from './test-helpers';

// Behaviour of whole models over real registry types, as the Cloud Control server uses them.

describe('AWS::SageMaker::Image', async () => {
  const image = await vendoredModel('AWS::SageMaker::Image');
  const valid = {
    ImageName: 'my-image',
    ImageRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
  };

  it('describes the type', () => {
    expect(image.provisioningType).toBe('FULLY_MUTABLE');
    expect(image.handlers).toEqual(new Set(['create', 'read', 'update', 'delete', 'list']));
    expect(image.primaryIdentifier).toEqual(['ImageArn']);
    expect(image.readOnlyProperties).toEqual(['ImageArn']);
    expect(image.createOnlyProperties).toEqual(['ImageName']);
    expect(image.writeOnlyProperties).toEqual([]);
    expect(image.listParameters).toEqual([]);
    expect(image.listRequired).toEqual([]);
    expect(image.isGlobal).toBe(false);
    expect(image.pageSize).toBe(25);
    expect(image.lastUpdated).toBeInstanceOf(Date);
    expect(JSON.parse(image.schemaText ?? '{}')).toEqual(image.schema);
  });

  it('accepts a valid create', () => {
    expect(image.validateCreate(valid)).toEqual([]);
  });

  it('reports every violation of a create, phrased as Cloud Control does', () => {
    const result = messages(
      image.validateCreate({
        ImageName: 'x'.repeat(62) + '_!_!_!_!',
        ImageDisplayName: '',
        Tags: [{ Key: 'team' }],
        Foo: 1,
      }),
    );
    expect(result).toEqual([
      '#: required key [ImageRoleArn] not found',
      '#: extraneous key [Foo] is not permitted',
      '#/ImageName: expected maxLength: 63, actual: 70',
      '#/ImageName: failed validation constraint for keyword [pattern]',
      '#/ImageDisplayName: expected minLength: 1, actual: 0',
      '#/ImageDisplayName: failed validation constraint for keyword [pattern]',
      '#/Tags/0: required key [Value] not found',
    ]);
  });

  it('refuses read-only properties in a create, but allows them in a stored model', () => {
    const withArn = { ...valid, ImageArn: 'arn:aws:sagemaker:eu-west-1:123456789012:image/x' };
    expect(messages(image.validateCreate(withArn))).toEqual([
      '#: extraneous key [ImageArn] is not permitted',
    ]);
    expect(image.validateModel(withArn)).toEqual([]);
  });

  it('refuses a desired state that is not an object', () => {
    expect(messages(image.validateCreate([]))).toEqual([
      '#: expected type: JSONObject, found: JSONArray',
    ]);
  });

  it('generates the ARN from the name, and identifies by it', () => {
    const model = image.withGeneratedReadOnly(valid, testContext());
    expect(model.ImageArn).toBe('arn:aws:sagemaker:eu-west-1:123456789012:image/my-image');
    expect(image.validateModel(model)).toEqual([]);
    expect(image.identifierOf(model)).toBe(model.ImageArn);
    expect(image.listed(model)).toEqual({ ImageArn: model.ImageArn });
    expect(valid).not.toHaveProperty('ImageArn');
  });

  it('knows which patch paths touch create-only properties', () => {
    expect(image.createOnlyTouched(['/ImageName'])).toEqual(['ImageName']);
    expect(image.createOnlyTouched(['ImageDescription', '/Tags/0/Value'])).toEqual([]);
  });
});

describe('identifiers, readable and listed', () => {
  it('joins compound identifiers with |', async () => {
    const model = await vendoredModel('AWS::EC2::SubnetRouteTableAssociation');
    expect(model.primaryIdentifier).toEqual(['Id']);
    const listener = await vendoredModel('AWS::Lambda::Permission');
    expect(listener.primaryIdentifier).toEqual(['FunctionName', 'Id']);
    expect(listener.identifierOf({ FunctionName: 'fn', Id: 'abc' })).toBe('fn|abc');
    expect(listener.identifierOf({ FunctionName: 'fn' })).toBeUndefined();
  });

  it('reads nested primary identifiers', async () => {
    const lens = await vendoredModel('AWS::S3::StorageLens');
    expect(lens.primaryIdentifier).toEqual(['StorageLensConfiguration/Id']);
    const model = { StorageLensConfiguration: { Id: 'lens-1', IsEnabled: true } };
    expect(lens.identifierOf(model)).toBe('lens-1');
    expect(lens.listed(model)).toEqual({ StorageLensConfiguration: { Id: 'lens-1' } });
  });

  it('removes write-only properties from what GetResource returns', async () => {
    const modelPackage = await vendoredModel('AWS::SageMaker::ModelPackage');
    expect(modelPackage.writeOnlyProperties).toEqual([
      'ClientToken',
      'AdditionalInferenceSpecificationsToAdd',
    ]);
    const stored = { ModelPackageGroupName: 'g', ClientToken: 'secret', ModelPackageVersion: 1 };
    expect(modelPackage.readable(stored)).toEqual({
      ModelPackageGroupName: 'g',
      ModelPackageVersion: 1,
    });
    expect(stored.ClientToken).toBe('secret');
  });

  it('removes nested write-only properties', async () => {
    const broker = await vendoredModel('AWS::AmazonMQ::Broker');
    expect(broker.writeOnlyProperties).toContain('LdapServerMetadata/ServiceAccountPassword');
    const readable = broker.readable({
      BrokerName: 'b',
      LdapServerMetadata: { ServiceAccountPassword: 'p', ServiceAccountUsername: 'u' },
    });
    expect(readable.LdapServerMetadata).toEqual({ ServiceAccountUsername: 'u' });
  });
});

describe('nested read-only and create-only pointers', async () => {
  const exportType = await vendoredModel('AWS::BCMDataExports::Export');

  it('keeps nested pointers whole, so the parent stays writable', () => {
    expect(exportType.readOnlyProperties).toContain('Export/ExportArn');
    expect(exportType.readOnlyProperties).not.toContain('Export');
    expect(exportType.schema.required).toContain('Export');
  });

  it('refuses a nested read-only value with the nested location', () => {
    const result = messages(
      exportType.validateCreate({ Export: { ExportArn: 'arn:x', Name: 'n' } }),
    );
    expect(result[0]).toBe('#/Export: extraneous key [ExportArn] is not permitted');
  });

  it('matches patches against nested create-only paths, in both directions', () => {
    expect(exportType.createOnlyProperties).toEqual(['Export/Name', 'Export/RefreshCadence']);
    expect(exportType.createOnlyTouched(['/Export/Name'])).toEqual(['Export/Name']);
    expect(exportType.createOnlyTouched(['/Export'])).toEqual([
      'Export/Name',
      'Export/RefreshCadence',
    ]);
    expect(exportType.createOnlyTouched(['/Export/Description', '/Tags'])).toEqual([]);
  });
});

describe('list handler models', () => {
  it('requires the parent a list needs', async () => {
    const nodegroup = await vendoredModel('AWS::EKS::Nodegroup');
    expect(nodegroup.listRequired).toEqual(['ClusterName']);
    expect(messages(nodegroup.validateListModel?.(undefined) ?? [])).toEqual([
      '#: required key [ClusterName] not found',
    ]);
    expect(nodegroup.validateListModel?.({ ClusterName: 'prod' })).toEqual([]);
  });

  it('accepts an optional parent, or none', async () => {
    const modelPackage = await vendoredModel('AWS::SageMaker::ModelPackage');
    expect(modelPackage.listParameters).toEqual(['ModelPackageGroupName']);
    expect(modelPackage.validateListModel?.(undefined)).toEqual([]);
    expect(modelPackage.validateListModel?.({ ModelPackageGroupName: 'churn' })).toEqual([]);
  });

  it('enforces anyOf/oneOf alternatives', async () => {
    const listener = await vendoredModel('AWS::ElasticLoadBalancingV2::Listener');
    expect(listener.listRequiredAlternatives).toEqual([['LoadBalancerArn'], ['ListenerArns']]);
    expect(messages(listener.validateListModel?.({}) ?? [])).toContain(
      '#: 0 subschemas matched instead of one',
    );
    expect(
      listener.validateListModel?.({
        LoadBalancerArn:
          'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
      }),
    ).toEqual([]);
  });

  it('refuses a ResourceModel that is not an object', async () => {
    const nodegroup = await vendoredModel('AWS::EKS::Nodegroup');
    expect(messages(nodegroup.validateListModel?.('x') ?? [])).toEqual([
      '#: expected type: JSONObject, found: String',
    ]);
  });
});

describe('provisioning and scope', () => {
  it('reads IMMUTABLE and NON_PROVISIONABLE types', async () => {
    expect((await vendoredModel('AWS::SageMaker::ModelPackageGroup')).provisioningType).toBe(
      'FULLY_MUTABLE',
    );
    const immutable = await vendoredModel('AWS::EC2::SubnetRouteTableAssociation');
    expect(immutable.provisioningType).toBe('IMMUTABLE');
    expect(immutable.handlers.has('update')).toBe(false);
    const nonProvisionable = await vendoredModel('AWS::CloudFormation::CustomResource');
    expect(nonProvisionable.provisioningType).toBe('NON_PROVISIONABLE');
  });

  it('marks global types and unpaged handlers', async () => {
    const bucket = await vendoredModel('AWS::S3::Bucket');
    expect(bucket.isGlobal).toBe(true);
    expect(bucket.pageSize).toBe(1000);
  });
});
