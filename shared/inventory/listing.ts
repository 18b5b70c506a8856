/**
 * Types whose list, without a parent, answers something other than what people mean, with
 * the sentence that tells the user why they are listed per parent instead. A ModelPackage
 * list with no ModelPackageGroupName returns only unversioned (Marketplace) packages, never
 * the Model Registry's versions (the SageMaker provider's `Translator.translateToListRequest`;
 * see electron/sandbox/README.md). Unless a scan gives a resource model or says
 * `perParent: false`, these are scanned once per parent.
 */
const perParentByDefault: Readonly<Record<string, string>> = {
  'AWS::SageMaker::ModelPackage':
    'Listed per model package group: without a group, AWS lists only unversioned model packages, never the Model Registry’s versions.',
};

export function listedPerParentByDefault(typeName: string): boolean {
  return Object.hasOwn(perParentByDefault, typeName);
}

/** Why the table lists this type per parent; null for types listed as they are. */
export function perParentNote(typeName: string): string | null {
  // Own keys only: a type named like an Object.prototype member is no type of ours.
  return listedPerParentByDefault(typeName) ? (perParentByDefault[typeName] ?? null) : null;
}
