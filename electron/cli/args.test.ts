import { describe, expect, it } from 'vitest';
import { parseCommandLine, type ExportArgs } from './args';
import { CliError } from './errors';

const IMAGE = 'AWS::SageMaker::Image';

function exportArgs(argv: string[]): ExportArgs {
  const parsed = parseCommandLine(['export', '--type', IMAGE, ...argv]);
  if (parsed.command !== 'export') throw new Error(`parsed as ${parsed.command}`);
  return parsed.args;
}

function refusal(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).usage).toBe(true);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseCommandLine', () => {
  it('reads an export with its defaults', () => {
    expect(exportArgs([])).toEqual({
      typeName: IMAGE,
      regions: { kind: 'default' },
      profile: undefined,
      sandbox: false,
      resourceModel: undefined,
      perParent: false,
      format: 'csv',
      columns: undefined,
      out: undefined,
      bom: false,
      neutralizeFormulas: true,
      allowPartial: false,
      verbose: false,
      credentialTimeoutMs: 120_000,
    });
  });

  it('reads every export flag, in either --flag value or --flag=value form', () => {
    expect(
      exportArgs([
        '--regions=us-east-1, eu-west-1',
        '--profile',
        'prod',
        '--resource-model',
        '{"ImageName":"x"}',
        '--per-parent',
        '--columns',
        'region,ImageName',
        '--out',
        'images.csv',
        '--bom',
        '--keep-formulas',
        '--allow-partial',
        '--verbose',
        '--credential-timeout',
        '2.5',
      ]),
    ).toEqual({
      typeName: IMAGE,
      regions: { kind: 'list', codes: ['us-east-1', 'eu-west-1'] },
      profile: 'prod',
      sandbox: false,
      resourceModel: { ImageName: 'x' },
      perParent: true,
      format: 'csv',
      columns: ['region', 'ImageName'],
      out: 'images.csv',
      bom: true,
      neutralizeFormulas: false,
      allowPartial: true,
      verbose: true,
      credentialTimeoutMs: 2500,
    });
    expect(exportArgs(['--regions', 'all']).regions).toEqual({ kind: 'all' });
    expect(exportArgs(['--sandbox', '--profile', 'Sandbox']).sandbox).toBe(true);
  });

  it('takes the format from --format, else from the --out file name', () => {
    expect(exportArgs(['--format', 'JSONL']).format).toBe('jsonl');
    expect(exportArgs(['--out', 'x.json']).format).toBe('json');
    expect(exportArgs(['--out', 'x.ndjson']).format).toBe('jsonl');
    expect(exportArgs(['--out', 'x.txt']).format).toBe('csv');
    expect(exportArgs(['--out', 'X.JSONL']).format).toBe('jsonl');
    // A name that says no format leaves --format free: a FIFO, a device, a .txt.
    expect(exportArgs(['--out', '/dev/stdout', '--format', 'json']).format).toBe('json');
    expect(exportArgs(['--out', 'x.json', '--format', 'JSON']).format).toBe('json');
  });

  it.each([
    [['--format', 'csv', '--out', 'y.json'], '--format csv does not match --out y.json'],
    [['--format', 'json', '--out', 'y.jsonl'], '--format json does not match --out y.jsonl'],
    [['--format', 'jsonl', '--out', 'y.CSV'], '--format jsonl does not match --out y.CSV'],
    [['--out', 'y.ndjson', '--format', 'json'], '--format json does not match --out y.ndjson'],
  ])('refuses a --format that the --out extension contradicts: %j', (argv, message) => {
    const text = refusal(['export', '--type', IMAGE, ...argv]);
    expect(text).toContain(message);
  });

  it('reads the other commands, help and version', () => {
    expect(parseCommandLine(['types', '--search', 'sagemaker'])).toEqual({
      command: 'types',
      search: 'sagemaker',
      verbose: false,
    });
    expect(parseCommandLine(['regions', '--type', IMAGE])).toMatchObject({
      command: 'regions',
      typeName: IMAGE,
    });
    expect(parseCommandLine(['-V'])).toEqual({ command: 'version' });
    expect(parseCommandLine(['-h'])).toMatchObject({ command: 'help' });
    expect(parseCommandLine(['export', '-h'])).toMatchObject({ command: 'help' });
    expect(parseCommandLine(['help', 'regions'])).toMatchObject({ command: 'help' });
  });

  it.each([
    [[], 'no command given'],
    [['list'], 'unknown command "list" (commands: export, types, regions)'],
    [['export'], '--type is required, e.g. --type AWS::SageMaker::Image'],
    [['export', '--type', IMAGE, '--nope'], 'unknown option --nope'],
    [['export', '--type'], '--type needs a value'],
    [['export', '--type', '--regions', 'x'], '--type needs a value'],
    [['export', '--type', IMAGE, '--bom=yes'], '--bom takes no value'],
    [['export', '--type', IMAGE, 'extra'], 'unexpected argument "extra"'],
    [['export', '--type', IMAGE, '--type', IMAGE], '--type given twice'],
    [['export', '--type', IMAGE, '--format', 'xlsx'], '--format must be csv, json or jsonl'],
    [['export', '--type', IMAGE, '--regions', ','], '--regions needs at least one name'],
    [['export', '--type', IMAGE, '--regions', 'all,us-east-1'], 'not both'],
    [['export', '--type', IMAGE, '--regions', 'US-EAST-1'], '"US-EAST-1" is not an AWS region'],
    [['export', '--type', IMAGE, '--columns', 'a,b,a'], '--columns names "a" twice'],
    [['export', '--type', IMAGE, '--format', 'json', '--columns', 'a'], '--columns applies to CSV'],
    [['export', '--type', IMAGE, '--format', 'jsonl', '--bom'], '--bom applies to CSV'],
    [['export', '--type', IMAGE, '--sandbox', '--profile', 'prod'], '--sandbox and --profile'],
    [['export', '--type', IMAGE, '--resource-model', '{x'], '--resource-model is not valid JSON'],
    [['export', '--type', IMAGE, '--resource-model', '[1]'], 'must be a JSON object'],
    [['export', '--type', IMAGE, '--out', ' '], '--out needs a value'],
    [['export', '--type', IMAGE, '--credential-timeout', '0'], '--credential-timeout takes'],
    [['export', '--type', IMAGE, '--credential-timeout', 'soon'], '--credential-timeout takes'],
    [['help', 'nope'], 'unknown command "nope"'],
  ])('refuses %j', (argv, message) => {
    const text = refusal(argv);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });
});
