import { z } from 'zod';
import {
  AppInfo,
  CreateResourceArgs,
  CredentialProcessRun,
  DeleteItemResult,
  DeleteResourcesArgs,
  ExportBeginArgs,
  ExportResult,
  ExportRowsArgs,
  TrackedRequest,
  UpdateResourceArgs,
  InventoryRow,
  MfaPrompt,
  ProfileDetails,
  ProfileIdentity,
  ProfileList,
  RegionInfo,
  RegionScanStatus,
  ScanRequest,
  Settings,
  SettingsPatch,
  TypeDetails,
  TypeSummary,
} from './schemas';

const noArgs = z.strictObject({});

/**
 * The Cloudshelf API: every call (name → argument and result schema) and every event
 * (name → payload schema). Adding a call is one entry here, its name in ./names (tsc says
 * so if it is missing) and its handler; the preload, browser transport, types and validation
 * all derive from this map.
 * Names are `namespace.method`; the API object exposes them as `api.namespace.method(args)`.
 */
export const calls = {
  'app.info': { args: noArgs, result: AppInfo },
  'profiles.list': { args: noArgs, result: ProfileList },
  'profiles.details': {
    args: z.strictObject({ profile: z.string().min(1) }),
    result: ProfileDetails,
  },
  /** The account behind a profile (STS GetCallerIdentity); may prompt for MFA or SSO sign-in. */
  'profiles.identity': {
    args: z.strictObject({ profile: z.string().min(1) }),
    result: ProfileIdentity,
  },
  'profiles.answerMfa': {
    args: z.strictObject({ promptId: z.string().min(1), code: z.string().regex(/^\d{6}$/) }),
    result: z.object({ accepted: z.boolean() }),
  },
  /** Kills the profile's running credential_process; its waiting calls fail as cancelled. */
  'profiles.cancelCredentialProcess': {
    args: z.strictObject({ profile: z.string().min(1) }),
    result: z.object({ cancelled: z.boolean() }),
  },
  'catalog.search': {
    args: z.strictObject({
      query: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(2000).optional(),
    }),
    result: z.object({ types: z.array(TypeSummary), total: z.number().int() }),
  },
  'catalog.describe': {
    args: z.strictObject({ typeName: z.string().min(1), profile: z.string().optional() }),
    result: TypeDetails,
  },
  /** Re-reads type descriptions from AWS (ListTypes/DescribeType) and caches them on disk. */
  'catalog.refresh': {
    args: z.strictObject({ profile: z.string().min(1), region: z.string().min(1) }),
    result: z.object({ types: z.number().int(), source: z.enum(['cache', 'live']) }),
  },
  'regions.list': {
    args: z.strictObject({ profile: z.string().optional(), typeName: z.string().optional() }),
    result: z.object({ regions: z.array(RegionInfo) }),
  },
  /** Starts a scan and returns at once; rows and statuses arrive as inventory.* events. */
  'inventory.scan': { args: ScanRequest, result: z.object({ scanId: z.string() }) },
  'inventory.cancel': {
    args: z.strictObject({ scanId: z.string().min(1) }),
    result: z.object({ cancelled: z.boolean() }),
  },
  /** Cloudshelf's own settings (last Browse scope, column layouts, profile safety flags). */
  'settings.get': { args: noArgs, result: Settings },
  /** Applies a change and answers with the settings as stored. */
  'settings.update': { args: z.strictObject({ patch: SettingsPatch }), result: Settings },
  /**
   * Mutations answer once Cloud Control accepted the request; its progress arrives as
   * `requests.changed` events. A read-only profile is refused with `ReadOnlyProfile`.
   */
  'resources.create': { args: CreateResourceArgs, result: TrackedRequest },
  /** Sends only the changes, as an RFC 6902 patch. */
  'resources.update': { args: UpdateResourceArgs, result: TrackedRequest },
  /** Deletes one or many resources; answers per item. */
  'resources.delete': {
    args: DeleteResourcesArgs,
    result: z.object({ results: z.array(DeleteItemResult) }),
  },
  /** Every request in the journal, newest first. */
  'requests.list': { args: noArgs, result: z.object({ requests: z.array(TrackedRequest) }) },
  /** Asks Cloud Control to cancel a request still in flight. */
  'requests.cancel': { args: z.strictObject({ id: z.string().min(1) }), result: TrackedRequest },
  /** Sends a failed or cancelled request again, as a new request. */
  'requests.retry': { args: z.strictObject({ id: z.string().min(1) }), result: TrackedRequest },
  /**
   * Exports rows to a file the main process writes as they come (flat memory): begin, then
   * rows in chunks, then finish (or abort, which removes the partial file).
   */
  'export.begin': { args: ExportBeginArgs, result: z.object({ exportId: z.string().nullable() }) },
  'export.rows': { args: ExportRowsArgs, result: z.object({ written: z.number().int() }) },
  'export.finish': { args: z.strictObject({ exportId: z.string().min(1) }), result: ExportResult },
  'export.abort': {
    args: z.strictObject({ exportId: z.string().min(1) }),
    result: z.object({ aborted: z.boolean() }),
  },
} as const satisfies Record<string, { args: z.ZodType; result: z.ZodType }>;

export const events = {
  /** The AWS config or credentials files changed on disk. */
  'profiles.changed': ProfileList,
  'profiles.mfaRequested': MfaPrompt,
  /** A profile's credential_process command started or ended. */
  'profiles.credentialProcess': CredentialProcessRun,
  /** A batch of rows from one scan. */
  'inventory.rows': z.object({ scanId: z.string(), rows: z.array(InventoryRow) }),
  'inventory.status': RegionScanStatus,
  /** A tracked request changed status (or was added). */
  'requests.changed': TrackedRequest,
  /** The whole scan ended: every region done, failed, skipped or cancelled. */
  'inventory.finished': z.object({
    scanId: z.string(),
    state: z.enum(['done', 'cancelled', 'superseded']),
    rows: z.number().int(),
  }),
} as const satisfies Record<string, z.ZodType>;

export type CallName = keyof typeof calls;
export type EventName = keyof typeof events;
export type CallArgs<N extends CallName> = z.input<(typeof calls)[N]['args']>;
export type ParsedCallArgs<N extends CallName> = z.output<(typeof calls)[N]['args']>;
export type CallResult<N extends CallName> = z.output<(typeof calls)[N]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

// The names alone (callNames, eventNames, isCallName, isEventName) live in ./names, which the
// preload can bundle without zod.
