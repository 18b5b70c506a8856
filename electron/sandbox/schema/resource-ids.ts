import { kebabCase } from './arn';
import { randomHex, type Random } from '../prng';
import { LOWER_ALNUM, randomFrom, randomUuid, UPPER_ALNUM } from './random-values';

/** EC2 identifiers are `<prefix>-` and 17 hex digits; the prefix depends on the kind. */
const EC2_ID_PREFIXES: Record<string, string> = {
  CapacityReservation: 'cr',
  CarrierGateway: 'cagw',
  CustomerGateway: 'cgw',
  DHCPOptions: 'dopt',
  EC2Fleet: 'fleet',
  EgressOnlyInternetGateway: 'eigw',
  EIP: 'eipalloc',
  Allocation: 'eipalloc',
  FlowLog: 'fl',
  Host: 'h',
  Instance: 'i',
  InternetGateway: 'igw',
  IPAM: 'ipam',
  IPAMPool: 'ipam-pool',
  IPAMScope: 'ipam-scope',
  KeyPair: 'key',
  LaunchTemplate: 'lt',
  NatGateway: 'nat',
  NetworkAcl: 'acl',
  NetworkInterface: 'eni',
  PlacementGroup: 'pg',
  PrefixList: 'pl',
  RouteTable: 'rtb',
  SecurityGroup: 'sg',
  Snapshot: 'snap',
  SpotFleet: 'sfr',
  Subnet: 'subnet',
  TransitGateway: 'tgw',
  TransitGatewayAttachment: 'tgw-attach',
  TransitGatewayRouteTable: 'tgw-rtb',
  Volume: 'vol',
  VPC: 'vpc',
  Vpc: 'vpc',
  VPCEndpoint: 'vpce',
  VpcEndpoint: 'vpce',
  VPCPeeringConnection: 'pcx',
  VPNConnection: 'vpn',
  VPNGateway: 'vgw',
};

/** IAM's unique ids: a four-letter prefix naming the entity, then 17 characters. */
const IAM_ID_PREFIXES: Record<string, string> = {
  Group: 'AGPA',
  InstanceProfile: 'AIPA',
  ManagedPolicy: 'ANPA',
  Policy: 'ANPA',
  Role: 'AROA',
  User: 'AIDA',
};

/** EC2 kinds other services refer to by id (`ClusterSecurityGroupId` in AWS::EKS::Cluster). */
const SHARED_EC2_KINDS = [
  'SecurityGroup',
  'Subnet',
  'Vpc',
  'VPC',
  'VpcEndpoint',
  'VPCEndpoint',
  'NetworkInterface',
  'RouteTable',
  'InternetGateway',
  'TransitGateway',
  'NatGateway',
];

/** `DefaultSecurityGroup` → `SecurityGroup`, `VpcId` → `Vpc`, `Id` → ''. */
export function idSubject(property: string): string {
  return property.replace(/^Default/, '').replace(/I[dD]s?$/, '');
}

export function ec2IdPrefix(subject: string): string | undefined {
  return EC2_ID_PREFIXES[subject];
}

/** The EC2 prefix for a subject outside EC2 that ends in a shared kind, e.g. `…SecurityGroup`. */
export function sharedEc2IdPrefix(subject: string): string | undefined {
  const kind = SHARED_EC2_KINDS.find((name) => subject.endsWith(name));
  return kind ? EC2_ID_PREFIXES[kind] : undefined;
}

export function ec2Id(prefix: string, random: Random): string {
  return `${prefix}-${randomHex(random, 17)}`;
}

export function iamId(kind: string, random: Random): string | undefined {
  const prefix = IAM_ID_PREFIXES[kind];
  return prefix ? prefix + randomFrom(random, UPPER_ALNUM, 17) : undefined;
}

/**
 * Plausible identifiers for a property, most specific first: EC2 and IAM formats where they
 * apply, then the shapes other services use (UUIDs, short upper/lower-case tokens, hex).
 */
export function idCandidates(service: string, subject: string, random: Random): string[] {
  const candidates: string[] = [];
  const ec2Prefix =
    service === 'EC2' ? (ec2IdPrefix(subject) ?? kebabCase(subject)) : sharedEc2IdPrefix(subject);
  if (ec2Prefix) candidates.push(ec2Id(ec2Prefix, random));
  if (service === 'IAM') candidates.push(iamId(subject, random) ?? iamId('Role', random) ?? '');
  candidates.push(
    randomUuid(random),
    randomFrom(random, UPPER_ALNUM, 10),
    randomFrom(random, LOWER_ALNUM, 10),
    randomHex(random, 8),
    randomFrom(random, UPPER_ALNUM, 21),
  );
  return candidates;
}
