import type { ResourceTypeModel } from '../schema/type-model';
import { deepEqual } from './json-patch';
import type { Model } from './lifecycle';

/**
 * How one type's list handler answers ListResources: which stored resources a (validated)
 * ResourceModel filter returns, and which properties each listed row carries. Most handlers
 * match their parent properties exactly and return the primary identifier only; the types
 * below do otherwise, as their providers' source shows (evidence in the sandbox README).
 */
export interface ListHandler {
  matches(model: Model, filter: Model): boolean;
  properties(model: Model): Model;
}

const MODEL_PACKAGE = 'AWS::SageMaker::ModelPackage';
const MODEL_PACKAGE_GROUP = 'AWS::SageMaker::ModelPackageGroup';

/**
 * The properties each list handler's `translateFromListResponse` copies from the service's
 * summaries (aws-cloudformation-resource-providers-sagemaker, `Translator.java` of each type).
 */
const listedProperties: Readonly<Record<string, readonly string[]>> = {
  [MODEL_PACKAGE]: [
    'CreationTime',
    'ModelPackageArn',
    'ModelPackageName',
    'ModelPackageStatus',
    'ModelPackageDescription',
    'ModelApprovalStatus',
    'ModelPackageGroupName',
    'ModelPackageVersion',
  ],
  [MODEL_PACKAGE_GROUP]: [
    'CreationTime',
    'ModelPackageGroupName',
    'ModelPackageGroupArn',
    'ModelPackageGroupDescription',
    'ModelPackageGroupStatus',
  ],
};

/** A group given by name or by ARN (`…:model-package-group/<name>`), as SageMaker takes it. */
function groupNameOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  return value.slice(value.lastIndexOf('/') + 1);
}

/**
 * The ModelPackage list handler calls ListModelPackages with ModelPackageGroupName when the
 * model has one, else with no filter at all, and SageMaker's default ModelPackageType is
 * UNVERSIONED: without a group only unversioned packages come back, never a group's versions.
 */
function modelPackageMatches(model: Model, filter: Model): boolean {
  const wanted = groupNameOf(filter.ModelPackageGroupName);
  const group = groupNameOf(model.ModelPackageGroupName);
  return wanted === undefined ? group === undefined : group === wanted;
}

function exactMatch(model: Model, filter: Model): boolean {
  return Object.entries(filter).every(([key, value]) => deepEqual(model[key], value));
}

function pick(model: Model, names: readonly string[]): Model {
  const out: Model = {};
  for (const name of names) {
    if (model[name] !== undefined && model[name] !== null) out[name] = structuredClone(model[name]);
  }
  return out;
}

export function listHandlerFor(type: ResourceTypeModel): ListHandler {
  const names = listedProperties[type.typeName];
  return {
    matches: type.typeName === MODEL_PACKAGE ? modelPackageMatches : exactMatch,
    properties: names ? (model) => pick(model, names) : (model) => type.listed(model),
  };
}
