import { describe, expect, it } from 'vitest';
import { applySettingsPatch, defaultSettings } from './merge';

describe('applySettingsPatch', () => {
  it('replaces plain fields and merges keyed maps key by key', () => {
    const first = applySettingsPatch(defaultSettings, {
      browse: {
        typeName: 'AWS::SageMaker::Image',
        regionsByProfile: { dev: ['us-east-1'] },
        columns: { 'AWS::SageMaker::Image': { visible: ['identifier'], widths: {} } },
      },
    });
    const second = applySettingsPatch(first, {
      browse: { regionsByProfile: { prod: ['eu-west-1'] }, recentTypes: ['AWS::S3::Bucket'] },
    });
    expect(second.browse).toEqual({
      profile: null,
      typeName: 'AWS::SageMaker::Image',
      regionsByProfile: { dev: ['us-east-1'], prod: ['eu-west-1'] },
      recentTypes: ['AWS::S3::Bucket'],
      columns: { 'AWS::SageMaker::Image': { visible: ['identifier'], widths: {} } },
    });
  });

  it('merges one flag of a profile without touching the other, and drops cleared entries', () => {
    const marked = applySettingsPatch(defaultSettings, {
      profiles: { prod: { production: true } },
    });
    expect(marked.profiles).toEqual({ prod: { readOnly: false, production: true } });
    const both = applySettingsPatch(marked, { profiles: { prod: { readOnly: true } } });
    expect(both.profiles).toEqual({ prod: { readOnly: true, production: true } });
    const cleared = applySettingsPatch(both, {
      profiles: { prod: { readOnly: false, production: false } },
    });
    expect(cleared.profiles).toEqual({});
  });

  it('never mutates the settings it was given', () => {
    const before = structuredClone(defaultSettings);
    applySettingsPatch(defaultSettings, { browse: { regionsByProfile: { a: ['us-east-1'] } } });
    expect(defaultSettings).toEqual(before);
  });
});
