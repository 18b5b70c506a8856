import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { makeHome, run, type TestHome } from './test-helpers';

// Everything that must fail before a row is written: one line on stderr, exit 1, and
// nothing at all on stdout (a script piping it must not mistake it for data).
const IMAGE = 'AWS::SageMaker::Image';
let sandbox: RunningSandbox;
let home: TestHome;

beforeAll(async () => {
  // us-west-2 refuses every call: an export of it alone fails in every region.
  sandbox = await startSandbox({ port: 0, faults: { accessDeniedRegions: ['us-west-2'] } });
  home = await makeHome({
    sandboxEndpoint: sandbox.endpoint,
    // A profile without any credentials: the SDK's own resolution must fail, quickly.
    config: [
      '[profile nokeys]',
      'region = eu-west-1',
      `endpoint_url = ${sandbox.endpoint}`,
      '',
    ].join('\n'),
  });
});

afterAll(async () => {
  await sandbox.close();
  await home.remove();
});

const oneLineFailure = (stderr: string): void => {
  expect(stderr).toMatch(/^cloudshelf: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\s+at .+:\d+:\d+/);
};

describe('runCli', () => {
  it('prints help and the version on stdout', async () => {
    const help = await run(['--help'], home.env);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: cloudshelf <command>');
    expect(help.stdout).toContain('Exit codes:');
    const exportHelp = await run(['export', '--help'], home.env);
    expect(exportHelp.stdout).toContain('--allow-partial');
    expect((await run(['help', 'types'], home.env)).stdout).toContain('--search');
    expect(await run(['--version'], home.env)).toEqual({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });

  it.each([
    [[], 'no command given (see cloudshelf --help)'],
    [['scan'], 'unknown command "scan"'],
    [['export', '--regions', 'us-east-1'], '--type is required'],
    [
      ['export', '--type', IMAGE, '--bogus'],
      'unknown option --bogus (see cloudshelf export --help)',
    ],
    [['export', '--type', IMAGE, '--format', 'xml'], '--format must be csv, json or jsonl'],
    [['export', '--type', IMAGE, '--regions', 'mars-1'], '"mars-1" is not an AWS region code'],
    [
      ['export', '--type', IMAGE, '--resource-model', '{nope'],
      '--resource-model is not valid JSON',
    ],
    [['export', '--type', IMAGE, '--type', IMAGE], '--type given twice'],
    [['types', 'sagemaker'], 'unexpected argument "sagemaker"'],
  ])('refuses bad flags %j in one line', async (argv, message) => {
    const result = await run(argv, home.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain(message);
  });

  it('names an unknown profile', async () => {
    const result = await run(['export', '--profile', 'nope', '--type', IMAGE], home.env);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain('There is no AWS profile named "nope".');
  });

  it('names an unknown type', async () => {
    const result = await run(['export', '--sandbox', '--type', 'AWS::SageMaker::Imag'], home.env);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain('does not know the resource type "AWS::SageMaker::Imag"');
  });

  it('asks for the parent of a type listed inside one, before scanning', async () => {
    const result = await run(
      ['export', '--sandbox', '--type', 'AWS::SageMaker::ImageVersion'],
      home.env,
    );
    expect(result).toMatchObject({ code: 1, stdout: '' });
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain(
      `AWS::SageMaker::ImageVersion is listed inside a parent resource: give --resource-model '{"ImageName":"…"}', or --per-parent`,
    );
  });

  it('names an unknown column and the valid ones', async () => {
    const result = await run(
      ['export', '--sandbox', '--type', IMAGE, '--columns', 'region,Colour'],
      home.env,
    );
    expect(result).toMatchObject({ code: 1, stdout: '' });
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain('has no column "Colour"; its columns: region, account');
  });

  it.each(['csv', 'json'])(
    'writes nothing to stdout (%s) when every region failed, and exits 1',
    async (format) => {
      const result = await run(
        ['export', '--sandbox', '--type', IMAGE, '--regions', 'us-west-2', '--format', format],
        home.env,
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^cloudshelf: us-west-2 failed: [^\n]+\n$/);
    },
  );

  it('fails once, before scanning, when the profile has no credentials', async () => {
    const result = await run(['export', '--profile', 'nokeys', '--type', IMAGE], home.env);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    oneLineFailure(result.stderr);
    expect(result.stderr).toContain('nokeys');
  });
});
