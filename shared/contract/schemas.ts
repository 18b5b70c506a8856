import { z } from 'zod';
import { ApiErrorPayload } from './errors';

/** Which host is serving the API: the desktop window, browser mode, or the command line. */
export const HostKind = z.enum(['electron', 'browser', 'cli']);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: HostKind,
  platform: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().optional(),
    chrome: z.string().optional(),
  }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** A problem found while reading the AWS config files; the other profiles still load. */
export const ConfigProblem = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type ConfigProblem = z.infer<typeof ConfigProblem>;

export const ProfileSource = z.enum(['builtin', 'config', 'credentials', 'config+credentials']);

export const ProfileSummary = z.object({
  name: z.string(),
  source: ProfileSource,
  region: z.string().nullable(),
  /**
   * A malformed line in the AWS files that changes this profile's settings as the SDK reads
   * them (e.g. a header without "]" before it hands it the next section's lines). Cloudshelf
   * refuses to use the profile until the line is fixed.
   */
  problem: ConfigProblem.optional(),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const ProfileList = z.object({
  profiles: z.array(ProfileSummary),
  /** The profile to select at start: AWS_PROFILE, else `default`, else the built-in Sandbox. */
  selected: z.string(),
  problems: z.array(ConfigProblem),
});
export type ProfileList = z.infer<typeof ProfileList>;

/** How a profile gets its credentials, as far as the UI needs to show and explain it. */
export const ProfileKind = z.enum([
  'sandbox',
  'static-keys',
  'sso',
  'assume-role',
  'credential-process',
  'web-identity',
  'environment',
  'unknown',
]);
export type ProfileKind = z.infer<typeof ProfileKind>;

/** Details of a profile that are safe to show: never a key, token or secret. */
export const ProfileDetails = ProfileSummary.extend({
  kind: ProfileKind,
  /** A Cloud Control endpoint override (`endpoint_url` or a `services` section), if any. */
  endpointUrl: z.string().nullable(),
  /** Assume-role profiles with `mfa_serial` ask for a code from the UI. */
  needsMfa: z.boolean(),
  /** For SSO profiles, the command that signs in again: `aws sso login --profile <name>`. */
  signInCommand: z.string().nullable(),
});
export type ProfileDetails = z.infer<typeof ProfileDetails>;

export const ProfileIdentity = z.object({
  profile: z.string(),
  account: z.string(),
  arn: z.string(),
});
export type ProfileIdentity = z.infer<typeof ProfileIdentity>;

/** The main process needs an MFA code for an assume-role profile; answer with profiles.answerMfa. */
export const MfaPrompt = z.object({
  promptId: z.string(),
  profile: z.string(),
  serialNumber: z.string(),
});
export type MfaPrompt = z.infer<typeof MfaPrompt>;

/**
 * A profile's credential_process command started (`running`) or ended, however it ended.
 * Only the program's name travels: its arguments may hold secrets. Stop it with
 * profiles.cancelCredentialProcess.
 */
export const CredentialProcessRun = z.object({
  runId: z.string(),
  profile: z.string(),
  /** The program alone, e.g. `aws-vault`, never its folder or arguments. */
  program: z.string(),
  state: z.enum(['running', 'ended']),
  /** When it started, in ms since the epoch, for the elapsed time the UI shows. */
  startedAt: z.number(),
});
export type CredentialProcessRun = z.infer<typeof CredentialProcessRun>;

export const CloudControlOperation = z.enum(['create', 'read', 'update', 'delete', 'list']);
export type CloudControlOperation = z.infer<typeof CloudControlOperation>;

/** One Cloud Control type, as the type picker lists it. */
export const TypeSummary = z.object({
  typeName: z.string(),
  /** `SageMaker` for `AWS::SageMaker::Image`. */
  service: z.string(),
  description: z.string(),
  operations: z.array(CloudControlOperation),
  /** True when listing needs parent properties (e.g. ImageVersion needs ImageName). */
  listNeedsParent: z.boolean(),
});
export type TypeSummary = z.infer<typeof TypeSummary>;

export const TypeDetails = TypeSummary.extend({
  primaryIdentifier: z.array(z.string()),
  /** IAM actions each operation needs, from the schema's handlers. */
  permissions: z.partialRecord(CloudControlOperation, z.array(z.string())),
  listParents: z.object({ required: z.array(z.string()), optional: z.array(z.string()) }),
  /** Regions that offer the type; null when unknown (then every region is tried). */
  regions: z.array(z.string()).nullable(),
  documentationUrl: z.string().nullable(),
  /** The type's CloudFormation resource schema, as JSON text. */
  schema: z.string(),
  /** Where this description came from: the bundled snapshot, a disk cache, or AWS just now. */
  source: z.enum(['snapshot', 'cache', 'live']),
});
export type TypeDetails = z.infer<typeof TypeDetails>;

export const RegionInfo = z.object({
  code: z.string(),
  name: z.string(),
  /** Opt-in regions must be enabled on the account before they answer. */
  optIn: z.boolean(),
  /** Whether the asked-about type is offered there; null when no type was asked about. */
  offersType: z.boolean().nullable(),
});
export type RegionInfo = z.infer<typeof RegionInfo>;

/** One resource as a scan read it. */
export const InventoryRow = z.object({
  /** Stable across scans: account, region (omitted for global types) and identifier. */
  key: z.string(),
  typeName: z.string(),
  account: z.string(),
  region: z.string(),
  identifier: z.string(),
  properties: z.record(z.string(), z.unknown()),
  /** When it was read, epoch milliseconds. */
  readAt: z.number(),
});
export type InventoryRow = z.infer<typeof InventoryRow>;

export const RegionScanState = z.enum([
  'queued',
  'listing',
  'hydrating',
  'done',
  'failed',
  'cancelled',
  'skipped',
]);
export type RegionScanState = z.infer<typeof RegionScanState>;

/** States after which a region's rows are complete (or known not to come): a retry keeps them. */
const regionRowsComplete: ReadonlySet<RegionScanState> = new Set(['done', 'skipped', 'failed']);
const regionTerminal: ReadonlySet<RegionScanState> = new Set([...regionRowsComplete, 'cancelled']);

/** A region in this state sends no more rows or progress (a later `unread` count aside). */
export const isTerminalRegionState = (state: RegionScanState): boolean => regionTerminal.has(state);
/** Its rows are all in (or known not to come), so retrying another region keeps them. */
export const hasCompleteRegionRows = (state: RegionScanState): boolean =>
  regionRowsComplete.has(state);

/** A failure inside a stream (e.g. one region of a scan): API error codes plus AWS's own. */
export const ApiErrorShape = ApiErrorPayload.extend({ code: z.string() });

export const RegionScanStatus = z.object({
  scanId: z.string(),
  region: z.string(),
  state: RegionScanState,
  /** Identifiers listed so far, and full rows read so far. */
  listed: z.number().int().nonnegative(),
  hydrated: z.number().int().nonnegative(),
  /**
   * Rows of a global type this region listed first that no region could read (every region
   * that listed them failed): missing from the scan. Sent, on a failed region, as the scan ends.
   */
  unread: z.number().int().positive().optional(),
  /** Why it failed or was skipped, and what to do. */
  error: ApiErrorShape.optional(),
});
export type RegionScanStatus = z.infer<typeof RegionScanStatus>;

export const ScanRequest = z.strictObject({
  /**
   * Made by the caller (`crypto.randomUUID()`), so it knows which events are its scan's before
   * the call answers. The main process refuses an id it has already seen.
   */
  scanId: z.uuid(),
  profile: z.string().min(1),
  regions: z.array(z.string().min(1)).min(1),
  typeName: z.string().regex(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/),
  /** Parent properties for types whose list needs them, e.g. { ImageName: 'my-image' }. */
  resourceModel: z.record(z.string(), z.unknown()).optional(),
  /**
   * For types whose list needs a parent: list the parent type first and scan once per parent
   * (model packages per model package group), so nobody types JSON. Model packages are scanned
   * per group unless this is false or a resourceModel is given: AWS lists a group's versions
   * only per group (without one, only unversioned packages). Regions must be known commercial
   * regions or the profile's own, each named once.
   */
  perParent: z.boolean().optional(),
});
export type ScanRequest = z.infer<typeof ScanRequest>;

/** A table's column layout for one resource type: which columns show, in what order, how wide. */
export const ColumnLayout = z.object({
  /** Visible column ids, in display order. */
  visible: z.array(z.string().min(1)).max(500),
  /** Widths in CSS pixels, by column id. */
  widths: z.record(z.string(), z.number().int().min(40).max(2000)),
});
export type ColumnLayout = z.infer<typeof ColumnLayout>;

/** How a column's values compare and display. `json` holds nested objects and arrays. */
export const ColumnKind = z.enum(['text', 'number', 'boolean', 'date', 'json']);
export type ColumnKind = z.infer<typeof ColumnKind>;

/** Where a column reads its value: a row field, or a top-level property of the resource. */
export const ColumnSource = z.union([
  z.strictObject({ field: z.enum(['region', 'account', 'identifier']) }),
  z.strictObject({ property: z.string().min(1) }),
]);
export type ColumnSource = z.infer<typeof ColumnSource>;

/** One column of a CSV export, in file order: its header and where its cells come from. */
export const ExportColumn = z.strictObject({
  id: z.string().min(1),
  header: z.string(),
  kind: ColumnKind,
  source: ColumnSource,
});
export type ExportColumn = z.infer<typeof ExportColumn>;

/** CSV (the columns given), or JSON / JSON Lines (every row's full properties). */
export const ExportFormat = z.enum(['csv', 'json', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** How CSV cells are written; kept in the settings, and flags of the command line. */
export const ExportOptions = z.object({
  /** A UTF-8 byte order mark first, so spreadsheet apps read the file as UTF-8. */
  bom: z.boolean(),
  /**
   * Cells starting with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'`, so a
   * spreadsheet never runs them as formulas. Off for machine consumers.
   */
  neutralizeFormulas: z.boolean(),
});
export type ExportOptions = z.infer<typeof ExportOptions>;

/** Per-profile safety flags, stored by Cloudshelf (never in the AWS files). */
export const ProfileSafety = z.object({
  /** Every create, update and delete is refused in the main process. */
  readOnly: z.boolean(),
  /** Wears a coloured banner; destructive actions ask for typed confirmation. */
  production: z.boolean(),
});
export type ProfileSafety = z.infer<typeof ProfileSafety>;

/** What the Browse screen last showed, so a restart comes back to it. */
export const BrowseSettings = z.object({
  profile: z.string().nullable(),
  /** Chosen regions, by profile name. */
  regionsByProfile: z.record(z.string(), z.array(z.string().min(1)).max(64)),
  typeName: z.string().nullable(),
  /** Most recent first. */
  recentTypes: z.array(z.string().min(1)).max(10),
  /** Column layout, by type name. */
  columns: z.record(z.string(), ColumnLayout),
});
export type BrowseSettings = z.infer<typeof BrowseSettings>;

/**
 * Set when the profile safety flags could not be read from the settings file: until the user
 * has saved a profile's ⚙ Settings again, every profile but the built-in Sandbox is read-only.
 */
export const SafetyReview = z.object({
  /** The settings file. */
  file: z.string(),
  /** The file as it was read, kept aside; null when it could not be copied (not a file). */
  keptAs: z.string().nullable(),
  /** What could not be read, in a few words. */
  reason: z.string(),
  /** Profiles whose ⚙ Settings were saved since: they follow their own flags again. */
  reviewed: z.array(z.string()),
});
export type SafetyReview = z.infer<typeof SafetyReview>;

export const Settings = z.object({
  browse: BrowseSettings,
  /** Safety flags, by profile name; a profile without an entry is neither. */
  profiles: z.record(z.string(), ProfileSafety),
  /** Absent while the safety flags are known. */
  safetyReview: SafetyReview.optional(),
  /** CSV options the export dialog starts from (the last ones used). */
  export: ExportOptions,
});
export type Settings = z.infer<typeof Settings>;

/**
 * A change to the settings. Plain fields are replaced; the keyed maps (`regionsByProfile`,
 * `columns`, `profiles`) are merged key by key, so one part of the UI never erases another's.
 */
export const SettingsPatch = z.strictObject({
  browse: BrowseSettings.partial().strict().optional(),
  profiles: z.record(z.string(), ProfileSafety.partial()).optional(),
  export: ExportOptions.partial().strict().optional(),
  /** The profile whose ⚙ Settings the user has just saved: ends its hold under `safetyReview`. */
  safetyReviewed: z.string().min(1).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** The Cloud Control operations that change resources. */
export const MutationOperation = z.enum(['CREATE', 'UPDATE', 'DELETE']);
export type MutationOperation = z.infer<typeof MutationOperation>;

/** Cloud Control's OperationStatus for a resource request. */
export const RequestStatus = z.enum([
  'PENDING',
  'IN_PROGRESS',
  'SUCCESS',
  'FAILED',
  'CANCEL_IN_PROGRESS',
  'CANCEL_COMPLETE',
]);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** Statuses after which a request changes no more. */
const requestFinished: ReadonlySet<RequestStatus> = new Set([
  'SUCCESS',
  'FAILED',
  'CANCEL_COMPLETE',
]);

export const isFinished = (status: RequestStatus): boolean => requestFinished.has(status);
/** Cloud Control cancels only requests that are still pending or in progress. */
export const canCancel = (status: RequestStatus): boolean =>
  status === 'PENDING' || status === 'IN_PROGRESS';
/** A request that failed or was cancelled can be sent again, as a new request. */
export const canRetry = (status: RequestStatus): boolean =>
  status === 'FAILED' || status === 'CANCEL_COMPLETE';

/** One RFC 6902 operation of an update's patch document. */
export const JsonPatchOperation = z.union([
  z.strictObject({
    op: z.enum(['add', 'replace', 'test']),
    path: z.string().startsWith('/'),
    value: z.unknown(),
  }),
  z.strictObject({ op: z.literal('remove'), path: z.string().startsWith('/') }),
  z.strictObject({
    op: z.enum(['move', 'copy']),
    from: z.string().startsWith('/'),
    path: z.string().startsWith('/'),
  }),
]);
export type JsonPatchOperation = z.infer<typeof JsonPatchOperation>;

/**
 * A create, update or delete Cloudshelf sent and tracks until it ends; kept in the request
 * journal on disk so tracking survives a restart.
 */
export const TrackedRequest = z.object({
  /** Cloudshelf's id for the request, also sent as Cloud Control's ClientToken. */
  id: z.string(),
  /** Cloud Control's RequestToken; null until the request was accepted. */
  requestToken: z.string().nullable(),
  profile: z.string(),
  region: z.string(),
  typeName: z.string(),
  operation: MutationOperation,
  /** The resource's primary identifier; for a create, known once AWS reports it. */
  identifier: z.string().nullable(),
  status: RequestStatus,
  /** AWS's StatusMessage and ErrorCode (e.g. AlreadyExists, NotFound) when it failed. */
  statusMessage: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** What was sent: the DesiredState of a create, the patch of an update. */
  desiredState: z.record(z.string(), z.unknown()).nullable(),
  patch: z.array(JsonPatchOperation).nullable(),
  /** Epoch milliseconds. */
  startedAt: z.number(),
  updatedAt: z.number(),
  finishedAt: z.number().nullable(),
  /**
   * In `requests.list` only: picked up from the journal as this host started (it was unfinished
   * at the last quit), so a window shows it even if it finished before the window opened.
   */
  resumed: z.boolean().optional(),
});
export type TrackedRequest = z.infer<typeof TrackedRequest>;

const ResourceTarget = {
  profile: z.string().min(1),
  region: z.string().min(1),
  typeName: z.string().regex(/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/),
};

export const CreateResourceArgs = z.strictObject({
  ...ResourceTarget,
  desiredState: z.record(z.string(), z.unknown()),
});
export type CreateResourceArgs = z.infer<typeof CreateResourceArgs>;

export const UpdateResourceArgs = z.strictObject({
  ...ResourceTarget,
  identifier: z.string().min(1),
  patch: z.array(JsonPatchOperation).min(1),
});
export type UpdateResourceArgs = z.infer<typeof UpdateResourceArgs>;

export const DeleteResourcesArgs = z.strictObject({
  profile: z.string().min(1),
  typeName: ResourceTarget.typeName,
  items: z
    .array(z.strictObject({ region: z.string().min(1), identifier: z.string().min(1) }))
    .min(1)
    .max(1000),
});
export type DeleteResourcesArgs = z.infer<typeof DeleteResourcesArgs>;

/** Per item of a bulk delete: the tracked request, or why it could not be sent. */
export const DeleteItemResult = z.object({
  region: z.string(),
  identifier: z.string(),
  request: TrackedRequest.nullable(),
  error: ApiErrorShape.nullable(),
});
export type DeleteItemResult = z.infer<typeof DeleteItemResult>;

/**
 * Starts an export. The host picks where it goes: Electron asks with the native save dialog
 * (`exportId` null when the user cancels it); browser mode writes a temporary file that
 * `export.finish` turns into a one-time download address.
 */
export const ExportBeginArgs = z.strictObject({
  format: ExportFormat,
  /**
   * Regions whose scan failed before their list was complete: their JSON and JSON Lines
   * records say `"complete": false`. The table's regions, so a few dozen at most.
   */
  incompleteRegions: z.array(z.string().min(1)).max(64).optional(),
  typeName: ResourceTarget.typeName,
  /** CSV only: the columns, in file order (JSON and JSON Lines carry every property). */
  columns: z.array(ExportColumn).max(2000),
  options: ExportOptions,
  /** The file name the save dialog suggests, e.g. `sagemaker-images.csv`. */
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine(
      (name) => !/[/\\]/.test(name) && !name.includes('\u0000'),
      'a file name without folders',
    ),
  /** Rows the renderer will send, for progress. */
  totalRows: z.number().int().min(0),
});
export type ExportBeginArgs = z.infer<typeof ExportBeginArgs>;

/** Rows of an export, in file order; each call answers once they are written. */
export const ExportRowsArgs = z.strictObject({
  exportId: z.string().min(1),
  rows: z.array(InventoryRow).max(5000),
});
export type ExportRowsArgs = z.infer<typeof ExportRowsArgs>;

export const ExportResult = z.object({
  rows: z.number().int(),
  bytes: z.number().int(),
  /** Where Electron saved the file; null in browser mode. */
  path: z.string().nullable(),
  /** Browser mode: a one-time address (same origin) that downloads the file; null in Electron. */
  downloadUrl: z.string().nullable(),
});
export type ExportResult = z.infer<typeof ExportResult>;
