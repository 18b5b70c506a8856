import type { HandlerName, ResourceSchema } from '../../registry/resource-schema';
import { randomHex } from '../prng';
import type {
  ResourceContext,
  ResourceTypeModel,
  SchemaViolation,
  TypeCatalog,
} from '../schema/type-model';

/**
 * A tiny stand-in for the registry-backed TypeCatalog, for unit tests of the Cloud Control
 * logic: just enough schema behaviour (required, extraneous keys, a pattern, read-only on
 * create) to exercise every path. The real catalog has its own tests.
 */
export interface FakeTypeSpec {
  typeName: string;
  /** Known properties; with `strict`, others are extraneous. */
  properties: string[];
  strict?: boolean;
  required?: string[];
  patterns?: Record<string, RegExp>;
  primaryIdentifier: string[];
  additionalIdentifiers?: string[][];
  readOnly?: string[];
  createOnly?: string[];
  writeOnly?: string[];
  handlers?: HandlerName[];
  listParameters?: string[];
  listRequired?: string[];
  isGlobal?: boolean;
  pageSize?: number;
  generate?: (
    desired: Record<string, unknown>,
    context: ResourceContext,
  ) => Record<string, unknown>;
}

const allHandlers: HandlerName[] = ['create', 'read', 'update', 'delete', 'list'];

export function fakeType(spec: FakeTypeSpec): ResourceTypeModel {
  const readOnly = spec.readOnly ?? [];
  const writeOnly = spec.writeOnly ?? [];
  const createOnly = spec.createOnly ?? [];
  const handlers = new Set(spec.handlers ?? allHandlers);
  const check = (model: Record<string, unknown>, allowReadOnly: boolean): SchemaViolation[] => {
    const violations: SchemaViolation[] = [];
    for (const name of spec.required ?? []) {
      if (model[name] === undefined)
        violations.push({ message: `#: required key [${name}] not found` });
    }
    for (const key of Object.keys(model)) {
      const known = spec.properties.includes(key);
      if ((spec.strict && !known) || (!allowReadOnly && readOnly.includes(key))) {
        violations.push({ message: `#: extraneous key [${key}] is not permitted` });
      }
      const pattern = spec.patterns?.[key];
      if (pattern && (typeof model[key] !== 'string' || !pattern.test(model[key]))) {
        violations.push({
          message: `#/${key}: failed validation constraint for keyword [pattern]`,
        });
      }
    }
    return violations;
  };
  const schema: ResourceSchema = {
    typeName: spec.typeName,
    description: `Fake ${spec.typeName}`,
    properties: Object.fromEntries(spec.properties.map((name) => [name, { type: 'string' }])),
    primaryIdentifier: spec.primaryIdentifier.map((name) => `/properties/${name}`),
    additionalIdentifiers: (spec.additionalIdentifiers ?? []).map((set) =>
      set.map((n) => `/properties/${n}`),
    ),
  };
  return {
    typeName: spec.typeName,
    schema,
    provisioningType: handlers.has('create')
      ? handlers.has('update')
        ? 'FULLY_MUTABLE'
        : 'IMMUTABLE'
      : 'NON_PROVISIONABLE',
    handlers,
    primaryIdentifier: spec.primaryIdentifier,
    readOnlyProperties: readOnly,
    createOnlyProperties: createOnly,
    writeOnlyProperties: writeOnly,
    listParameters: spec.listParameters ?? [],
    listRequired: spec.listRequired ?? [],
    isGlobal: spec.isGlobal ?? false,
    pageSize: spec.pageSize ?? 25,
    validateCreate: (desired) =>
      typeof desired === 'object' && desired !== null && !Array.isArray(desired)
        ? check(desired as Record<string, unknown>, false)
        : [{ message: '#: expected type: JSONObject' }],
    validateModel: (model) => check(model, true),
    // Like the real catalog: property names or patch paths; a path inside a property counts.
    createOnlyTouched: (paths) =>
      createOnly.filter((name) => paths.some((p) => p.replace(/^\//, '').split('/')[0] === name)),
    withGeneratedReadOnly: (desired, context) => ({
      ...desired,
      ...(spec.generate?.(desired, context) ?? {}),
    }),
    identifierOf(model) {
      const values = spec.primaryIdentifier.map((name) => model[name]);
      if (values.some((v) => typeof v !== 'string' && typeof v !== 'number')) return undefined;
      return values.map(String).join('|');
    },
    readable: (model) =>
      Object.fromEntries(Object.entries(model).filter(([k]) => !writeOnly.includes(k))),
    listed: (model) => Object.fromEntries(spec.primaryIdentifier.map((k) => [k, model[k]])),
  };
}

export function fakeCatalog(types: readonly ResourceTypeModel[]): TypeCatalog {
  const byName = new Map(types.map((t) => [t.typeName, t]));
  return { get: (name) => byName.get(name), typeNames: () => [...byName.keys()].sort() };
}

const sageMakerArn = (context: ResourceContext, kind: string, name: unknown): string =>
  `arn:aws:sagemaker:${context.region}:${context.account}:${kind}/${String(name).toLowerCase()}`;

/** The types the sandbox's own tests use, modelled on their real schemas. */
export function testCatalog(): TypeCatalog {
  return fakeCatalog([
    fakeType({
      typeName: 'AWS::SageMaker::Image',
      properties: [
        'ImageName',
        'ImageArn',
        'ImageRoleArn',
        'ImageDisplayName',
        'ImageDescription',
        'Tags',
      ],
      strict: true,
      required: ['ImageName', 'ImageRoleArn'],
      patterns: { ImageName: /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9])*$/ },
      primaryIdentifier: ['ImageArn'],
      additionalIdentifiers: [['ImageName']],
      readOnly: ['ImageArn'],
      createOnly: ['ImageName'],
      generate: (d, c) => ({ ImageArn: sageMakerArn(c, 'image', d.ImageName) }),
    }),
    fakeType({
      typeName: 'AWS::SageMaker::ModelPackageGroup',
      properties: [
        'ModelPackageGroupName',
        'ModelPackageGroupDescription',
        'ModelPackageGroupArn',
        'CreationTime',
        'ModelPackageGroupStatus',
        'Tags',
      ],
      strict: true,
      required: ['ModelPackageGroupName'],
      primaryIdentifier: ['ModelPackageGroupArn'],
      readOnly: ['ModelPackageGroupArn', 'CreationTime', 'ModelPackageGroupStatus'],
      createOnly: ['ModelPackageGroupName', 'ModelPackageGroupDescription'],
      generate: (d, c) => ({
        ModelPackageGroupArn: sageMakerArn(c, 'model-package-group', d.ModelPackageGroupName),
        CreationTime: c.now.toISOString(),
        ModelPackageGroupStatus: 'Completed',
      }),
    }),
    fakeType({
      typeName: 'AWS::SageMaker::ModelPackage',
      properties: [],
      primaryIdentifier: ['ModelPackageArn'],
      readOnly: ['ModelPackageArn', 'CreationTime', 'LastModifiedTime', 'ModelPackageStatus'],
      createOnly: ['ModelPackageGroupName', 'ModelPackageDescription', 'InferenceSpecification'],
      writeOnly: ['ClientToken'],
      listParameters: ['ModelPackageGroupName'],
      pageSize: 10,
      generate: (_d, c) => ({ CreationTime: c.now.toISOString(), ModelPackageStatus: 'Completed' }),
    }),
    fakeType({
      typeName: 'AWS::S3::Bucket',
      properties: [],
      primaryIdentifier: ['BucketName'],
      readOnly: ['Arn', 'DomainName'],
      createOnly: ['BucketName'],
      isGlobal: true,
      pageSize: 1000,
      generate: (d) =>
        typeof d.BucketName === 'string' ? { Arn: `arn:aws:s3:::${d.BucketName}` } : {},
    }),
    fakeType({
      typeName: 'AWS::IAM::Role',
      properties: [],
      required: ['AssumeRolePolicyDocument'],
      primaryIdentifier: ['RoleName'],
      readOnly: ['Arn', 'RoleId'],
      createOnly: ['Path', 'RoleName'],
      isGlobal: true,
      pageSize: 1000,
      generate: (d, c) => ({
        Arn: `arn:aws:iam::${c.account}:role${typeof d.Path === 'string' ? d.Path : '/'}${String(d.RoleName)}`,
        RoleId: `AROA${randomHex(c.random, 17).toUpperCase()}`,
      }),
    }),
    fakeType({
      typeName: 'AWS::Lambda::Function',
      properties: [],
      required: ['Code', 'Role'],
      primaryIdentifier: ['FunctionName'],
      readOnly: ['Arn'],
      createOnly: ['FunctionName', 'PackageType'],
      writeOnly: ['Code'],
      generate: (d, c) => ({
        Arn: `arn:aws:lambda:${c.region}:${c.account}:function:${String(d.FunctionName)}`,
      }),
    }),
    fakeType({
      typeName: 'AWS::EC2::VPC',
      properties: [],
      primaryIdentifier: ['VpcId'],
      readOnly: ['VpcId', 'DefaultSecurityGroup'],
      createOnly: ['CidrBlock'],
      generate: (_d, c) => ({ VpcId: `vpc-${randomHex(c.random, 17)}` }),
    }),
    fakeType({
      typeName: 'AWS::ECR::Repository',
      properties: [],
      primaryIdentifier: ['RepositoryName'],
      readOnly: ['Arn', 'RepositoryUri'],
      createOnly: ['RepositoryName'],
    }),
    fakeType({
      typeName: 'AWS::EKS::Nodegroup',
      properties: [],
      required: ['ClusterName', 'NodeRole', 'Subnets'],
      primaryIdentifier: ['Id'],
      readOnly: ['Id', 'Arn'],
      createOnly: ['ClusterName', 'NodegroupName'],
      listParameters: ['ClusterName'],
      listRequired: ['ClusterName'],
      generate: (d) => ({ Id: `${String(d.ClusterName)}/${String(d.NodegroupName)}` }),
    }),
    fakeType({
      typeName: 'AWS::Sandbox::NoList',
      properties: [],
      primaryIdentifier: ['Name'],
      handlers: ['create', 'read', 'delete'],
    }),
  ]);
}
