import { describe, expect, it } from 'vitest';
import type { RegionScanStatus } from '../../shared/contract';
import { typeLabel } from '../ui/type-label';
import { browseView, regionsPhrase, type BrowseViewInput } from './screen-state';

const scope = {
  profile: 'Sandbox',
  regions: ['us-east-1', 'eu-west-1'],
  typeName: 'AWS::SageMaker::Image',
};

const status = (
  region: string,
  state: RegionScanStatus['state'],
  message?: string,
): RegionScanStatus => ({
  scanId: 's',
  region,
  state,
  listed: 0,
  hydrated: 0,
  ...(message ? { error: { code: 'X', message, hint: 'Do this.' } } : {}),
});

const input = (over: Partial<BrowseViewInput> = {}): BrowseViewInput => ({
  ready: true,
  profile: 'Sandbox',
  chosenRegions: scope.regions,
  typeName: scope.typeName,
  awaitingGoAhead: null,
  inventory: { scope, phase: 'scanning', error: null, regions: {} },
  rows: 0,
  ...over,
});

const regions = (...statuses: RegionScanStatus[]) =>
  Object.fromEntries(statuses.map((s) => [s.region, s]));

describe('browseView', () => {
  it('waits for the saved scope, then asks for a region when none is chosen', () => {
    expect(browseView(input({ ready: false })).kind).toBe('starting');
    expect(browseView(input({ chosenRegions: [] })).kind).toBe('no-regions');
  });

  it('asks before scanning with a profile that needs an MFA code', () => {
    expect(browseView(input({ awaitingGoAhead: 'Sandbox' }))).toEqual({
      kind: 'go-ahead',
      profile: 'Sandbox',
    });
  });

  it('says what is loading until the first rows arrive', () => {
    expect(browseView(input())).toEqual({
      kind: 'loading',
      message: 'Listing SageMaker images in us-east-1 and eu-west-1…',
    });
    expect(browseView(input({ rows: 3 })).kind).toBe('table');
  });

  it('shows the failure of the whole load', () => {
    const error = { code: 'NotFound' as const, message: 'No such type.' };
    expect(
      browseView(input({ inventory: { scope, phase: 'failed', error, regions: {} } })),
    ).toEqual({ kind: 'failed', error });
  });

  it('groups the reasons when every region failed', () => {
    const view = browseView(
      input({
        inventory: {
          scope,
          phase: 'settled',
          error: null,
          regions: regions(
            status('us-east-1', 'failed', 'Credentials refused in us-east-1.'),
            status('eu-west-1', 'failed', 'Credentials refused in eu-west-1.'),
          ),
        },
      }),
    );
    expect(view).toEqual({
      kind: 'all-failed',
      label: 'SageMaker images',
      failures: [
        {
          regions: ['us-east-1', 'eu-west-1'],
          message: 'Credentials refused in us-east-1.',
          hint: 'Do this.',
        },
      ],
    });
  });

  it('says where nothing was found, never a silent empty table', () => {
    const view = browseView(
      input({
        inventory: {
          scope,
          phase: 'settled',
          error: null,
          regions: regions(status('us-east-1', 'done'), status('eu-west-1', 'skipped')),
        },
      }),
    );
    expect(view).toEqual({
      kind: 'empty',
      typeName: 'AWS::SageMaker::Image',
      searched: ['us-east-1'],
      skipped: ['eu-west-1'],
      failed: [],
      cancelled: [],
    });
  });
});

describe('labels', () => {
  it('names types and regions for sentences', () => {
    expect(typeLabel('AWS::SageMaker::ModelPackage')).toBe('SageMaker model packages');
    expect(typeLabel('AWS::EC2::VPC')).toBe('EC2 VPCs');
    expect(typeLabel('AWS::IAM::Policy')).toBe('IAM policies');
    expect(typeLabel('AWS::EC2::Address')).toBe('EC2 addresses');
    expect(regionsPhrase(['a', 'b', 'c'])).toBe('3 regions');
  });
});
