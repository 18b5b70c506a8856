/**
 * What a create would look like outside Cloudshelf: the StackQL INSERT and the AWS CLI
 * command, so a reviewed request can be kept in a script or a ticket. Pure string builders.
 */

/** `AWS::SageMaker::ModelPackage` → `model_package`; acronyms stay whole (`DBCluster` → `db_cluster`). */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** English plural of the last word, as StackQL names its resources (`images`, `policies`). */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** `AWS::SageMaker::Image` → `aws.sagemaker.images`, StackQL's provider.service.resource. */
export function stackqlResourceName(typeName: string): string {
  const [provider = '', service = '', resource = ''] = typeName.split('::');
  return `${provider.toLowerCase()}.${service.toLowerCase()}.${pluralize(snakeCase(resource))}`;
}

/** A SQL literal: strings single-quoted (quotes doubled), objects and arrays as JSON text. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `'${text.replaceAll("'", "''")}'`;
}

/** A property name as a SQL column: bare when it is a plain identifier, else double-quoted. */
function sqlColumn(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

/**
 * `INSERT INTO aws.sagemaker.images (ImageName, ImageRoleArn, region) SELECT 'x', 'y',
 * 'us-east-1';` — the columns are the DesiredState's properties in order, then the region.
 */
export function stackqlInsert(
  typeName: string,
  region: string,
  desiredState: Readonly<Record<string, unknown>>,
): string {
  const entries = Object.entries(desiredState).filter(([, value]) => value !== undefined);
  const columns = [...entries.map(([name]) => sqlColumn(name)), 'region'];
  const values = [...entries.map(([, value]) => sqlLiteral(value)), sqlLiteral(region)];
  return `INSERT INTO ${stackqlResourceName(typeName)} (${columns.join(', ')}) SELECT ${values.join(', ')};`;
}

/** A POSIX shell word: bare when only safe characters, else single-quoted (`'` → `'\''`). */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Which profile the command runs with. */
export interface CliProfile {
  name: string;
  /**
   * Cloudshelf's built-in Sandbox: it is not in the AWS files, so `--profile` would fail;
   * the command targets its endpoint instead, when known.
   */
  sandbox?: boolean;
  endpointUrl?: string | null;
}

/**
 * The command's target from what the main process reports about the profile: its Cloud Control
 * endpoint override goes on the command whatever the profile kind (the built-in Sandbox's own
 * address included), since without it the command would reach AWS instead.
 */
export function cliProfileFor(
  name: string,
  details: { kind: string; endpointUrl: string | null } | undefined,
): CliProfile {
  return {
    name,
    sandbox: details?.kind === 'sandbox',
    endpointUrl: details?.endpointUrl ?? null,
  };
}

/** `aws cloudcontrol create-resource --type-name … --desired-state '<json>' --region … [--profile …]` */
export function awsCliCreate(
  typeName: string,
  region: string,
  desiredState: Readonly<Record<string, unknown>>,
  profile: string | CliProfile,
): string {
  const target: CliProfile = typeof profile === 'string' ? { name: profile } : profile;
  const parts = [
    'aws cloudcontrol create-resource',
    `--type-name ${shellQuote(typeName)}`,
    `--desired-state ${shellQuote(JSON.stringify(desiredState))}`,
    `--region ${shellQuote(region)}`,
  ];
  if (!target.sandbox) parts.push(`--profile ${shellQuote(target.name)}`);
  if (target.endpointUrl) parts.push(`--endpoint-url ${shellQuote(target.endpointUrl)}`);
  return parts.join(' ');
}
