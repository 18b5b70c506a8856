/** The parent a list call takes, and where to find its values (e.g. model package groups). */
export interface ListParent {
  /** The parent type to list first, e.g. `AWS::SageMaker::ModelPackageGroup`. */
  typeName: string;
  /** The child's list-model property the value goes into, e.g. `ModelPackageGroupName`. */
  property: string;
  /** The parent's property that holds the value (`Name` for an EKS cluster's `ClusterName`). */
  parentProperty: string;
}

/** What a scan needs to know about a type; from the registry snapshot or the live catalog. */
export interface TypeInfo {
  /** Parent properties every list call must carry. */
  listRequired: readonly string[];
  /** Parent properties a list call accepts. */
  listOptional: readonly string[];
  /** Account-wide types every region lists (S3 buckets): a scan emits each once. */
  isGlobal: boolean;
  /** Primary-identifier property names (`ImageArn`), not JSON pointers. */
  primaryIdentifier: readonly string[];
  parent?: ListParent;
  /** IAM actions the list and read handlers need (named in AccessDenied hints). */
  listPermissions?: readonly string[];
  readPermissions?: readonly string[];
}

/** Undefined for a type nobody knows: the scan still tries (AWS may know it). */
export type TypeInfoLookup = (typeName: string) => TypeInfo | undefined;

export const unknownTypeInfo: TypeInfo = {
  listRequired: [],
  listOptional: [],
  isGlobal: false,
  primaryIdentifier: [],
};
