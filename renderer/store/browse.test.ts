import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  CloudshelfError,
  type AppInfo,
  type ProfileDetails,
  type ProfileSummary,
  type RegionInfo,
  type Settings,
  type SettingsPatch,
} from '../../shared/contract';
import { createBrowseStore, defaultTypeName } from './browse';
import type { InventoryStore } from './inventory';
import type { BrowseScope, InventoryActions, InventoryState } from './inventory-types';
import { createShellStore } from './shell';
import { fakeApi, settle, type Answers } from './test-api';

const info: AppInfo = {
  name: 'Cloudshelf',
  version: '0.1.0',
  host: 'browser',
  platform: 'linux-x64',
  versions: { node: '20.0.0' },
};

const profiles: ProfileSummary[] = [
  { name: 'default', source: 'config', region: 'eu-west-1' },
  { name: 'bare', source: 'config', region: null },
  { name: 'mfa-role', source: 'config', region: 'us-west-2' },
  { name: 'Sandbox', source: 'builtin', region: 'us-east-1' },
];

const detailsOf = (profile: string): ProfileDetails => {
  const summary = profiles.find((p) => p.name === profile);
  if (!summary) throw new CloudshelfError('NotFound', `No profile ${profile}.`);
  return {
    ...summary,
    kind:
      profile === 'Sandbox' ? 'sandbox' : profile === 'mfa-role' ? 'assume-role' : 'static-keys',
    endpointUrl: null,
    needsMfa: profile === 'mfa-role',
    signInCommand: null,
  };
};

const regionList: RegionInfo[] = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1'].map(
  (code) => ({ code, name: code, optIn: false, offersType: true }),
);

const emptySettings: Settings = {
  browse: { profile: null, regionsByProfile: {}, typeName: null, recentTypes: [], columns: {} },
  profiles: {},
  export: { bom: false, neutralizeFormulas: true },
};

/** The inventory store's actions as spies; Browse only decides when to call them. */
function inventoryDouble() {
  const load = vi.fn((_scope: BrowseScope) => Promise.resolve());
  const cancel = vi.fn(() => Promise.resolve());
  const store: InventoryStore = createStore<InventoryState & InventoryActions>()(() => ({
    scope: null,
    phase: 'idle',
    error: null,
    type: null,
    columns: [],
    index: null,
    rowsVersion: 0,
    regions: {},
    multiRegion: false,
    multiAccount: false,
    load,
    cancel,
    retryRegion: () => Promise.resolve(),
    refresh: () => Promise.resolve(),
    start: () => () => undefined,
  }));
  return { store, load, cancel };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup(settings: Settings = emptySettings, answers: Answers = {}) {
  const saved: SettingsPatch[] = [];
  const fake = fakeApi({
    'app.info': () => info,
    'profiles.list': () => ({ profiles, selected: 'default', problems: [] }),
    'profiles.details': ({ profile }) => detailsOf(profile),
    'regions.list': () => ({ regions: regionList }),
    'settings.get': () => settings,
    'settings.update': ({ patch }) => {
      saved.push(patch);
      return settings;
    },
    ...answers,
  });
  const shell = createShellStore(fake.api);
  const inventory = inventoryDouble();
  const warnings: string[] = [];
  const browse = createBrowseStore({
    api: fake.api,
    shell,
    inventory: inventory.store,
    saveDelayMs: 5,
    regionScanDelayMs: 5,
    warn: (message) => warnings.push(message),
  });
  const stopShell = shell.getState().start();
  const stop = browse.getState().start();
  await settle();
  await settle();
  return { ...fake, shell, browse, inventory, saved, warnings, stop, stopShell };
}

const scopes = (load: ReturnType<typeof inventoryDouble>['load']) =>
  load.mock.calls.map(([scope]) => scope);

describe('browse store', () => {
  it('starts from the defaults: the profile’s own region and SageMaker images', async () => {
    const { browse, inventory, shell } = await setup();
    expect(browse.getState().ready).toBe(true);
    expect(shell.getState().profile).toBe('default');
    expect(browse.getState().regions).toEqual(['eu-west-1']);
    expect(browse.getState().typeName).toBe(defaultTypeName);
    expect(browse.getState().details.default?.kind).toBe('static-keys');
    expect(browse.getState().regionList).toEqual(regionList);
    expect(scopes(inventory.load)).toEqual([
      { profile: 'default', regions: ['eu-west-1'], typeName: defaultTypeName },
    ]);
  });

  it('restores the saved profile, its regions, the type and recent types, then scans once', async () => {
    const { browse, inventory, shell, saved } = await setup({
      browse: {
        profile: 'Sandbox',
        regionsByProfile: { Sandbox: ['us-east-1', 'ap-northeast-1'], default: ['us-west-2'] },
        typeName: 'AWS::SageMaker::ModelPackage',
        recentTypes: ['AWS::SageMaker::ModelPackage', 'AWS::S3::Bucket'],
        columns: {},
      },
      profiles: { Sandbox: { readOnly: true, production: false } },
      export: { bom: false, neutralizeFormulas: true },
    });
    expect(shell.getState().profile).toBe('Sandbox');
    expect(browse.getState().regions).toEqual(['us-east-1', 'ap-northeast-1']);
    expect(browse.getState().typeName).toBe('AWS::SageMaker::ModelPackage');
    expect(browse.getState().recentTypes).toEqual([
      'AWS::SageMaker::ModelPackage',
      'AWS::S3::Bucket',
    ]);
    expect(browse.getState().safety.Sandbox?.readOnly).toBe(true);
    expect(scopes(inventory.load)).toEqual([
      {
        profile: 'Sandbox',
        regions: ['us-east-1', 'ap-northeast-1'],
        typeName: 'AWS::SageMaker::ModelPackage',
      },
    ]);
    // Restoring is not a change: nothing is written back.
    await wait(20);
    expect(saved).toEqual([]);
  });

  it('keeps the shell’s choice when the saved profile is gone', async () => {
    const { shell } = await setup({
      ...emptySettings,
      browse: { ...emptySettings.browse, profile: 'deleted' },
    });
    expect(shell.getState().profile).toBe('default');
  });

  it('starts a profile without a default region in us-east-1', async () => {
    const { shell, browse } = await setup();
    shell.getState().selectProfile('bare');
    expect(browse.getState().regions).toEqual(['us-east-1']);
  });

  it('scans once after quick region changes, keeps each profile’s regions, and saves', async () => {
    const { browse, inventory, shell, saved } = await setup();
    browse.getState().setRegions(['eu-west-1', 'us-east-1']);
    browse.getState().setRegions(['eu-west-1', 'us-east-1', 'ap-northeast-1']);
    // Kept in the region list's order, whatever order they were ticked in.
    expect(browse.getState().regions).toEqual(['us-east-1', 'eu-west-1', 'ap-northeast-1']);
    await wait(20);
    expect(scopes(inventory.load).map((scope) => scope.regions)).toEqual([
      ['eu-west-1'],
      ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
    ]);
    expect(saved).toEqual([
      {
        browse: {
          regionsByProfile: { default: ['us-east-1', 'eu-west-1', 'ap-northeast-1'] },
        },
      },
    ]);

    shell.getState().selectProfile('Sandbox');
    expect(browse.getState().regions).toEqual(['us-east-1']);
    shell.getState().selectProfile('default');
    expect(browse.getState().regions).toEqual(['us-east-1', 'eu-west-1', 'ap-northeast-1']);
    await wait(20);
    expect(saved.at(-1)).toEqual({ browse: { profile: 'default' } });
  });

  it('stops scanning when no region is chosen, and the profile default brings one back', async () => {
    const { browse, inventory } = await setup();
    browse.getState().setRegions([]);
    expect(inventory.cancel).toHaveBeenCalled();
    expect(browse.getState().regions).toEqual([]);
    browse.getState().chooseDefaultRegions();
    expect(browse.getState().regions).toEqual(['eu-west-1']);
    expect(scopes(inventory.load)).toHaveLength(2);
  });

  it('remembers recent types, most recent first, eight at most', async () => {
    const { browse, inventory, argsOf } = await setup();
    for (let i = 1; i <= 9; i++) browse.getState().setType(`AWS::Svc::Type${i}`);
    browse.getState().setType('AWS::Svc::Type3');
    const recent = browse.getState().recentTypes;
    expect(recent).toHaveLength(8);
    expect(recent.slice(0, 3)).toEqual(['AWS::Svc::Type3', 'AWS::Svc::Type9', 'AWS::Svc::Type8']);
    expect(scopes(inventory.load).at(-1)?.typeName).toBe('AWS::Svc::Type3');
    expect(argsOf('regions.list').at(-1)).toEqual({
      typeName: 'AWS::Svc::Type3',
      profile: 'default',
    });
  });

  it('waits for a go-ahead before scanning with a profile that needs an MFA code', async () => {
    const { browse, inventory, shell } = await setup();
    shell.getState().selectProfile('mfa-role');
    await settle();
    expect(browse.getState().awaitingGoAhead).toBe('mfa-role');
    expect(scopes(inventory.load).map((scope) => scope.profile)).toEqual(['default']);
    browse.getState().goAhead();
    expect(browse.getState().awaitingGoAhead).toBeNull();
    expect(scopes(inventory.load).at(-1)?.profile).toBe('mfa-role');
  });

  it('starts from the defaults when settings cannot be read, and keeps choices a save lost', async () => {
    const { browse, inventory, warnings } = await setup(emptySettings, {
      'settings.get': () => {
        throw new CloudshelfError('Internal', 'Disk gone.');
      },
      'settings.update': () => {
        throw new CloudshelfError('Internal', 'Disk full.');
      },
    });
    expect(browse.getState().ready).toBe(true);
    expect(scopes(inventory.load)).toHaveLength(1);
    browse.getState().setType('AWS::S3::Bucket');
    await wait(20);
    expect(browse.getState().typeName).toBe('AWS::S3::Bucket');
    expect(warnings).toHaveLength(2);
  });

  it('saves what is pending when stopped', async () => {
    const { browse, stop, saved } = await setup();
    browse.getState().setType('AWS::S3::Bucket');
    stop();
    await settle();
    expect(saved).toEqual([
      {
        browse: {
          typeName: 'AWS::S3::Bucket',
          recentTypes: ['AWS::S3::Bucket'],
        },
      },
    ]);
  });
});
