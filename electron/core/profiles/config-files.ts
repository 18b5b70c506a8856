import { readFile } from 'node:fs/promises';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { ConfigProblem } from '../../../shared/contract';
import { awsFilePathsFor, type AwsFilePaths, type ProfileEnv } from './env';
import { lintAwsFile, type AwsFileKind, type LintFinding } from './ini-lint';

/** One parsed INI file as the SDK's loader returns it: section → key → value. */
export type IniSections = Record<string, Record<string, string | undefined> | undefined>;

export interface AwsFiles {
  paths: AwsFilePaths;
  /** Profiles by name (`profile ` prefix removed), plus `sso-session.x` and `services.x`. */
  config: IniSections;
  credentials: IniSections;
  problems: ConfigProblem[];
  /**
   * Per file, the sections (keys as in `config`/`credentials`) a malformed line changes in
   * the loader's reading, each with the first such line.
   */
  touched: Record<AwsFileKind, Map<string, ConfigProblem>>;
}

/**
 * Reads both AWS files with the SDK's own loader (so Cloudshelf sees what the CLI sees),
 * and lints their text so a malformed line is reported with its file and line number.
 */
export async function loadAwsFiles(env: ProfileEnv): Promise<AwsFiles> {
  const paths = awsFilePathsFor(env);
  const problems: ConfigProblem[] = [];
  let config: IniSections = {};
  let credentials: IniSections = {};
  try {
    const files = await loadSharedConfigFiles({
      configFilepath: paths.config,
      filepath: paths.credentials,
      ignoreCache: true,
    });
    config = files.configFile;
    credentials = files.credentialsFile;
  } catch (error) {
    problems.push({
      file: paths.config,
      message: `Could not read the AWS config files (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  const [configLint, credentialsLint] = await Promise.all([
    lintFile(paths.config, 'config'),
    lintFile(paths.credentials, 'credentials'),
  ]);
  problems.push(...[...configLint, ...credentialsLint].map((finding) => finding.problem));
  return {
    paths,
    config,
    credentials,
    problems,
    touched: { config: touchedBy(configLint), credentials: touchedBy(credentialsLint) },
  };
}

function touchedBy(findings: LintFinding[]): Map<string, ConfigProblem> {
  const touched = new Map<string, ConfigProblem>();
  for (const { problem, touches } of findings) {
    if (touches !== null && !touched.has(touches)) touched.set(touches, problem);
  }
  return touched;
}

async function lintFile(path: string, kind: AwsFileKind): Promise<LintFinding[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    // A missing file is normal (no AWS setup yet); anything else is worth saying.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    const message = `Could not read this file (${(error as Error).message}).`;
    return [{ problem: { file: path, message }, touches: null }];
  }
  return lintAwsFile(text, path, kind);
}

/** A profile's settings across both files; the credentials file wins, as in the SDK. */
export function profileSection(
  files: AwsFiles,
  name: string,
): Record<string, string | undefined> | undefined {
  const fromConfig = Object.hasOwn(files.config, name) ? files.config[name] : undefined;
  const fromCredentials = Object.hasOwn(files.credentials, name)
    ? files.credentials[name]
    : undefined;
  if (!fromConfig && !fromCredentials) return undefined;
  return { ...fromConfig, ...fromCredentials };
}
