import { listHandlerInputs } from '../../registry/list-handler';
import type { ResourceSchema } from '../../registry/resource-schema';
import type { ListParent } from './types';

/** The part of the registry snapshot parent-finding reads. */
export interface SchemaSource {
  typeNames(): string[];
  schema(typeName: string): ResourceSchema | undefined;
}

/**
 * Parents the heuristic below would miss or get wrong. Kept short: add a type here when a
 * scan "per parent" picks the wrong parent.
 */
export const parentOverrides: Readonly<Record<string, ListParent>> = {
  'AWS::SageMaker::ModelPackage': {
    typeName: 'AWS::SageMaker::ModelPackageGroup',
    property: 'ModelPackageGroupName',
    parentProperty: 'ModelPackageGroupName',
  },
  'AWS::SageMaker::ImageVersion': {
    typeName: 'AWS::SageMaker::Image',
    property: 'ImageName',
    parentProperty: 'ImageName',
  },
  'AWS::EKS::Nodegroup': {
    typeName: 'AWS::EKS::Cluster',
    property: 'ClusterName',
    parentProperty: 'Name',
  },
};

const idSuffixes = ['Name', 'Arn', 'Id', 'Identifier', ''];

function names(pointers: readonly string[] | undefined): string[] {
  return (pointers ?? []).map((pointer) => pointer.replace(/^\/properties\//, ''));
}

interface Candidate {
  parent: ListParent;
  score: number;
  resourceName: string;
}

/**
 * Scores one possible parent for the child's list property `property`:
 * +2 when the property is the parent's resource name plus an id suffix
 *    (`ModelPackageGroupName` = `ModelPackageGroup` + `Name`),
 * +2 when the value property is one of the parent's identifiers (primary or additional),
 * +1 when the parent has a property of exactly that name.
 * The value property is `property` itself when the parent has it, else the suffix alone
 * (`ClusterName` → the cluster's `Name`).
 */
function score(property: string, typeName: string, schema: ResourceSchema): Candidate | undefined {
  const resourceName = typeName.split('::')[2] ?? '';
  const suffix = property.startsWith(resourceName)
    ? property.slice(resourceName.length)
    : undefined;
  const nameMatch = suffix !== undefined && idSuffixes.includes(suffix);
  const hasProperty = Object.hasOwn(schema.properties, property);
  const parentProperty = hasProperty
    ? property
    : nameMatch && suffix !== '' && Object.hasOwn(schema.properties, suffix)
      ? suffix
      : undefined;
  if (parentProperty === undefined) return undefined;
  const identifiers = [
    ...names(schema.primaryIdentifier),
    ...(schema.additionalIdentifiers ?? []).flatMap((set) => names(set)),
  ];
  const total =
    (nameMatch ? 2 : 0) + (identifiers.includes(parentProperty) ? 2 : 0) + (hasProperty ? 1 : 0);
  return { parent: { typeName, property, parentProperty }, score: total, resourceName };
}

/**
 * The type to list first when scanning `typeName` per parent: an explicit override, else the
 * best-scoring type of the same service that can itself be listed without a model, for the
 * first required list property (or the first optional one). A score of 3 is needed, so a
 * type that merely mentions the property does not qualify.
 */
export function findListParent(
  source: SchemaSource,
  typeName: string,
  useOverrides = true,
): ListParent | undefined {
  if (useOverrides) {
    const override = parentOverrides[typeName];
    if (override) return override;
  }
  const schema = source.schema(typeName);
  if (!schema) return undefined;
  const inputs = listHandlerInputs(schema);
  const property = inputs.required[0] ?? inputs.parameters[0];
  if (property === undefined) return undefined;
  const service = typeName.split('::').slice(0, 2).join('::') + '::';
  let best: Candidate | undefined;
  for (const candidate of source.typeNames()) {
    if (candidate === typeName || !candidate.startsWith(service)) continue;
    const candidateSchema = source.schema(candidate);
    if (!candidateSchema?.handlers?.list) continue;
    const candidateInputs = listHandlerInputs(candidateSchema);
    if (candidateInputs.required.length > 0 || candidateInputs.alternatives.length > 0) continue;
    const scored = score(property, candidate, candidateSchema);
    if (!scored || scored.score < 3) continue;
    if (
      !best ||
      scored.score > best.score ||
      (scored.score === best.score && scored.resourceName.length > best.resourceName.length)
    ) {
      best = scored;
    }
  }
  return best?.parent;
}
