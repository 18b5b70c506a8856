// CloudFormation registry ARNs: arn:aws:cloudformation:<region>::type/resource/AWS-S3-Bucket
// (AWS types have no account), optionally followed by /<version>.

const TYPE_ARN =
  /^arn:aws[a-z-]*:cloudformation:([a-z0-9-]*):(\d{12})?:type\/resource\/([^/]+)(\/[^/]+)?$/;

export function typeArn(region: string, typeName: string): string {
  return `arn:aws:cloudformation:${region}::type/resource/${typeName.replaceAll('::', '-')}`;
}

/** The type name a registry ARN names (`AWS-S3-Bucket` → `AWS::S3::Bucket`), if it is one. */
export function typeNameFromArn(arn: string): string | undefined {
  const segment = TYPE_ARN.exec(arn)?.[3];
  if (!segment) return undefined;
  const parts = segment.split('-');
  // Type names have exactly three parts, none containing a hyphen.
  return parts.length === 3 && parts.every((part) => part !== '') ? parts.join('::') : undefined;
}
