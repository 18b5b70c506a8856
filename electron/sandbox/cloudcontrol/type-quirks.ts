import { randomHex, type Random } from '../prng';
import type { ResourceTypeModel } from '../schema/type-model';
import type { Model } from './lifecycle';

/**
 * What a generic schema cannot know about particular types: values AWS assigns from state
 * (model package versions) and names AWS generates when the caller leaves them out.
 */
export interface QuirkContext {
  account: string;
  region: string;
  random: Random;
  /** The next version number in a model package group (1, 2, 3, …). */
  nextModelPackageVersion(groupName: string): number;
}

export function applyTypeQuirks(
  type: ResourceTypeModel,
  model: Model,
  context: QuirkContext,
): Model {
  let out = model;
  if (type.typeName === 'AWS::SageMaker::ModelPackage') out = versionModelPackage(out, context);
  return ensureIdentifier(type, out, context.random);
}

/**
 * A model package in a group is a version of it: SageMaker numbers versions per group and
 * builds the ARN from the (lower-cased) group name and the version.
 */
function versionModelPackage(model: Model, context: QuirkContext): Model {
  const group = model.ModelPackageGroupName;
  if (typeof group !== 'string' || group === '') return unversionedModelPackage(model, context);
  // The group may be given by ARN (…:model-package-group/name).
  const groupName = group.slice(group.lastIndexOf('/') + 1);
  const version = context.nextModelPackageVersion(groupName);
  return {
    ...model,
    ModelPackageVersion: version,
    ModelPackageName: model.ModelPackageName ?? groupName,
    ModelPackageArn: `arn:aws:sagemaker:${context.region}:${context.account}:model-package/${groupName.toLowerCase()}/${version}`,
  };
}

/**
 * A model package outside any group is unversioned: its ARN ends in its (lower-cased) name,
 * `…:model-package/<name>`, with no version.
 */
function unversionedModelPackage(model: Model, context: QuirkContext): Model {
  const name = model.ModelPackageName;
  if (typeof name !== 'string' || name === '') return model;
  return {
    ...model,
    ModelPackageArn: `arn:aws:sagemaker:${context.region}:${context.account}:model-package/${name.toLowerCase()}`,
  };
}

/** Like CloudFormation, invent a name for a primary identifier the caller did not give. */
function ensureIdentifier(type: ResourceTypeModel, model: Model, random: Random): Model {
  if (type.identifierOf(model) !== undefined) return model;
  const out: Model = { ...model };
  const short = (type.typeName.split('::')[2] ?? 'resource').toLowerCase();
  for (const name of type.primaryIdentifier) {
    if (out[name] === undefined || out[name] === null || out[name] === '') {
      out[name] = `sandbox-${short}-${randomHex(random, 12)}`;
    }
  }
  return out;
}
