/**
 * Types whose resources belong to the account rather than a region: every region's list
 * returns them, so a multi-region scan must de-duplicate them. Deliberately small: the ones
 * people meet first in a multi-region scan. Shared by the sandbox and core.
 */
export const GLOBAL_TYPES: ReadonlySet<string> = new Set([
  'AWS::S3::Bucket',
  'AWS::IAM::Role',
  'AWS::IAM::User',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Group',
  'AWS::IAM::InstanceProfile',
  'AWS::Route53::HostedZone',
  'AWS::CloudFront::Distribution',
]);

export function isGlobalType(typeName: string): boolean {
  return GLOBAL_TYPES.has(typeName);
}
