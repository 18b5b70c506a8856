import { describe, expect, it } from 'vitest';
import { exitCodes, signalExitCode, stopSignals } from './exit-codes';
import { commandUsage, mainUsage } from './usage';

describe('usage', () => {
  it('lists every command and every exit code', () => {
    for (const command of Object.keys(commandUsage)) expect(mainUsage).toContain(`  ${command} `);
    const signalCodes = stopSignals.map((signal) => signalExitCode(signal));
    expect(signalCodes).toEqual([130, 143, 129]);
    for (const code of [...Object.values(exitCodes), ...signalCodes]) {
      expect(mainUsage).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
      expect(commandUsage.export).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
    }
  });

  it('documents every export flag', () => {
    for (const flag of [
      '--type',
      '--regions',
      '--profile',
      '--sandbox',
      '--resource-model',
      '--per-parent',
      '--format',
      '--columns',
      '--out',
      '--bom',
      '--keep-formulas',
      '--allow-partial',
      '--verbose',
      '--help',
    ]) {
      expect(commandUsage.export).toContain(`${flag} `);
    }
  });
});
