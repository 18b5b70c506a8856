import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng';
import { ec2Id, iamId, idCandidates, idSubject, sharedEc2IdPrefix } from './resource-ids';

describe('resource ids', () => {
  it('finds the subject an id property names', () => {
    expect(idSubject('VpcId')).toBe('Vpc');
    expect(idSubject('DefaultSecurityGroup')).toBe('SecurityGroup');
    expect(idSubject('Id')).toBe('');
    expect(idSubject('SubnetIds')).toBe('Subnet');
  });

  it('formats EC2 and IAM ids', () => {
    const random = createRandom(1);
    expect(ec2Id('vpc', random)).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(iamId('Role', random)).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(iamId('Bucket', random)).toBeUndefined();
  });

  it('recognises EC2 kinds other services refer to', () => {
    expect(sharedEc2IdPrefix('ClusterSecurityGroup')).toBe('sg');
    expect(sharedEc2IdPrefix('DBInstance')).toBeUndefined();
  });

  it('puts the most specific format first', () => {
    expect(idCandidates('EC2', 'VPC', createRandom(1))[0]).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(idCandidates('EC2', 'TrafficMirrorThing', createRandom(1))[0]).toMatch(
      /^traffic-mirror-thing-[0-9a-f]{17}$/,
    );
    expect(idCandidates('IAM', 'User', createRandom(1))[0]).toMatch(/^AIDA/);
    expect(idCandidates('KMS', 'Key', createRandom(1))[0]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
