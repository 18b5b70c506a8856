import { exitCodes, signalExitCode } from './exit-codes';

export type CommandName = 'export' | 'types' | 'regions';

const exitCodeLines = `Exit codes:
  ${exitCodes.ok}    success
  ${exitCodes.failure}    failure: bad flags, unknown profile, type or column, credentials, every region failed
  ${exitCodes.partial}    partial: some regions failed (one line each on stderr); the others' rows were written
  ${signalExitCode('SIGHUP')}  stopped by SIGHUP (the terminal closed)
  ${exitCodes.interrupted}  stopped by SIGINT (Ctrl-C)
  ${signalExitCode('SIGTERM')}  stopped by SIGTERM (timeout, cron, systemd, CI)
       once stopped, an --out file is as it was before: no partial file is left`;

export const mainUsage = `Usage: cloudshelf <command> [options]

Inventory of AWS resources through the Cloud Control API, as the Cloudshelf app reads it.

Commands:
  export    scan a resource type in some regions and write its rows (CSV, JSON, JSON Lines)
  types     list the resource types Cloudshelf knows
  regions   list the AWS regions

Options:
  -h, --help      this help (\`cloudshelf <command> --help\` for a command's options)
  -V, --version   the version

Examples:
  cloudshelf export --type AWS::SageMaker::Image --regions us-east-1,eu-west-1 --out images.csv
  cloudshelf export --sandbox --type AWS::SageMaker::Image --regions all --format jsonl
  cloudshelf types --search sagemaker

Environment:
  AWS_PROFILE, AWS_REGION, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE   as for the AWS CLI
  CLOUDSHELF_DATA_DIR           Cloudshelf's own files (shared with the app: catalog caches)
  CLOUDSHELF_SANDBOX_ENDPOINT   point --sandbox at a sandbox already running (npm run sandbox)

${exitCodeLines}`;

const exportUsage = `Usage: cloudshelf export --type <TypeName> [options]

Scans a resource type and writes every row as it arrives: to stdout, or to --out.

Options:
  --type <name>             the resource type, e.g. AWS::SageMaker::Image (required)
  --regions <list|all>      comma-separated region codes, or "all": every region that offers
                            the type (opt-in regions left out); default: the profile's region
  --profile <name>          the AWS profile (default: AWS_PROFILE, else "default")
  --sandbox                 use the built-in in-process sandbox instead of AWS
  --resource-model <json>   parent properties for types listed inside a parent,
                            e.g. '{"ImageName":"my-image"}'
  --per-parent              list the parent type first and scan once per parent; model
                            packages are always listed so (per model package group: without
                            a group AWS lists only unversioned packages) unless
                            --resource-model is given ('{}' for AWS's own unfiltered list)
  --format <csv|json|jsonl> default csv, or taken from --out's extension (.csv, .json,
                            .jsonl); an extension that says another format is refused
  --columns <a,b,c>         CSV columns in order: region, account, identifier, or property
                            names; default: region plus the app table's default columns
  --out <file>              write to a file, replaced only once the export succeeded (for a
                            symlink, the file it points to); a FIFO or a device such as
                            /dev/stdout is written directly; a folder is refused
  --bom                     CSV: start with a UTF-8 byte order mark (for spreadsheet apps)
  --keep-formulas           CSV: leave cells starting with = + - @ as they are (machine
                            consumers); by default they get a leading ' so spreadsheets
                            never run them
  --allow-partial           exit ${exitCodes.ok} when some regions failed (still reported on stderr)
  --credential-timeout <s>  give up when the profile's credential_process has not
                            finished after this many seconds (default 120)
  --verbose                 log what Cloudshelf does on stderr
  -h, --help                this help

Progress is shown on stderr when it is a terminal (and the rows do not go to that terminal).
JSON and JSON Lines carry every property of every row.

${exitCodeLines}`;

const typesUsage = `Usage: cloudshelf types [--search <text>]

Lists the resource types Cloudshelf knows, one type name per line, best match first.

Options:
  --search <text>   only types matching the text (e.g. "sagemaker image")
  -h, --help        this help`;

const regionsUsage = `Usage: cloudshelf regions [--type <TypeName>]

Lists the AWS regions, one per line: code, name, and "opt-in" for regions an account must
enable first (tab-separated).

Options:
  --type <name>   only the regions that offer this resource type
  -h, --help      this help`;

export const commandUsage: Readonly<Record<CommandName, string>> = {
  export: exportUsage,
  types: typesUsage,
  regions: regionsUsage,
};
