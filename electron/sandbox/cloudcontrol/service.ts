import { randomUUID } from 'node:crypto';
import type { ResourceTypeModel, TypeCatalog } from '../schema/type-model';
import {
  cloudControlError,
  constraintViolation,
  notFound,
  serializationError,
  typeNotFound,
  unknownOperationError,
  unsupportedAction,
  validationError,
  type ServiceError,
} from './errors';
import { resolveIdentifier } from './identifiers';
import {
  applyJsonPatch,
  isRecord,
  JsonPatchError,
  isWithin,
  parsePatchDocument,
  touchedPaths,
} from './json-patch';
import {
  operations,
  operationStatuses,
  phaseAt,
  progressEventAt,
  type Model,
  type Operation,
  type ProgressEvent,
  type ResourceRequest,
} from './lifecycle';
import { listHandlerFor } from './list-handlers';
import { PageTokens } from './page-token';
import { AccountState } from './state';
import { applyTypeQuirks } from './type-quirks';

export interface CallContext {
  account: string;
  region: string;
}

export interface CloudControlServiceOptions {
  catalog: TypeCatalog;
  clock: () => Date;
  /** Time per lifecycle step (PENDING, then IN_PROGRESS). */
  stepMs: number;
  /** The handler error a new create must end in (fault injection). */
  createFailure?: (typeName: string) => { errorCode: string; message: string } | undefined;
  /** Fills a new account with sample data; called once per account, on first use. */
  seedAccount?: (seeder: AccountSeeder) => void;
}

/** What seeding gets: a way to put a resource in place exactly as a create would build it. */
export interface AccountSeeder {
  account: string;
  catalog: TypeCatalog;
  /** Builds read-only values as a create does, then stores the resource. */
  insert(typeName: string, region: string, desired: Model, createdAt: Date): string | undefined;
}

export type OperationName =
  | 'ListResources'
  | 'GetResource'
  | 'CreateResource'
  | 'UpdateResource'
  | 'DeleteResource'
  | 'GetResourceRequestStatus'
  | 'ListResourceRequests'
  | 'CancelResourceRequest';

export const operationNames: readonly OperationName[] = [
  'ListResources',
  'GetResource',
  'CreateResource',
  'UpdateResource',
  'DeleteResource',
  'GetResourceRequestStatus',
  'ListResourceRequests',
  'CancelResourceRequest',
];

const tokenPattern = /^[-A-Za-z0-9+/=]+$/;
const listRequestsDefaultPage = 20;

/**
 * The eight Cloud Control operations over in-memory state, one AccountState per account.
 * Inputs are the parsed JSON bodies; answers are the JSON bodies AWS sends; failures throw
 * ServiceError. Nothing here knows about HTTP.
 */
export class CloudControlService {
  private readonly accounts = new Map<string, AccountState>();
  private readonly pages = new PageTokens();

  constructor(private readonly options: CloudControlServiceOptions) {}

  /** Forgets every account; the next call seeds afresh. */
  reset(): void {
    this.accounts.clear();
  }

  handle(operation: string, input: unknown, context: CallContext): Record<string, unknown> {
    if (!(operationNames as readonly string[]).includes(operation)) {
      throw unknownOperationError(`CloudApiService.${operation}`);
    }
    if (!isRecord(input)) throw serializationError('The request body must be a JSON object.');
    const now = this.options.clock().getTime();
    const state = this.account(context.account);
    state.settle(now);
    const call: Call = { input: new Input(input), state, region: context.region, now };
    switch (operation as OperationName) {
      case 'ListResources':
        return this.listResources(call);
      case 'GetResource':
        return this.getResource(call);
      case 'CreateResource':
        return this.createResource(call);
      case 'UpdateResource':
        return this.updateResource(call);
      case 'DeleteResource':
        return this.deleteResource(call);
      case 'GetResourceRequestStatus':
        return this.getResourceRequestStatus(call);
      case 'ListResourceRequests':
        return this.listResourceRequests(call);
      case 'CancelResourceRequest':
        return this.cancelResourceRequest(call);
    }
  }

  private listResources({ input, state, region }: Call): Record<string, unknown> {
    const type = this.type(input, 'list', 'LIST');
    input.string('TypeVersionId');
    input.string('RoleArn');
    // MaxResults is "Reserved": AWS ignores it and pages at the handler's fixed size.
    input.number('MaxResults', 1, 100);
    const filter = this.listFilter(type, input.string('ResourceModel'));
    const scope = scopeOf(type, region);
    const all = state.store.entries(scope, type.typeName);
    const handler = listHandlerFor(type);
    const matching = all.filter(([, model]) => handler.matches(model, filter));
    const pageScope = `${state.account}\n${scope}\n${type.typeName}\n${JSON.stringify(filter)}`;
    const offset = this.offset(pageScope, input.string('NextToken', { min: 1, max: 4096 }));
    const page = matching.slice(offset, offset + type.pageSize);
    const out: Record<string, unknown> = {
      TypeName: type.typeName,
      ResourceDescriptions: page.map(([identifier, model]) => ({
        Identifier: identifier,
        Properties: JSON.stringify(handler.properties(model)),
      })),
    };
    if (offset + type.pageSize < matching.length) {
      out.NextToken = this.pages.encode(pageScope, offset + type.pageSize);
    }
    return out;
  }

  private getResource({ input, state, region }: Call): Record<string, unknown> {
    const type = this.type(input, 'read', 'READ');
    input.string('TypeVersionId');
    input.string('RoleArn');
    const scope = scopeOf(type, region);
    const identifier = this.identifier(input, type, state, scope);
    const model = state.store.get(scope, type.typeName, identifier);
    if (!model) throw notFound(type.typeName, identifier);
    return {
      TypeName: type.typeName,
      ResourceDescription: {
        Identifier: identifier,
        Properties: JSON.stringify(type.readable(model)),
      },
    };
  }

  private createResource(call: Call): Record<string, unknown> {
    const { input, state, region, now } = call;
    const type = this.type(input, 'create', 'CREATE');
    const desiredText =
      input.string('DesiredState', { required: true, min: 1, max: 262_144 }) ?? '';
    const replay = this.replay(call, 'CREATE', type, [desiredText]);
    if (replay) return { ProgressEvent: replay };

    const desired = parseObject(desiredText);
    if (!desired) {
      throw cloudControlError('InvalidRequestException', 'DesiredState must be a JSON object.');
    }
    const violations = type.validateCreate(desired);
    if (violations.length > 0) throw modelValidationFailed(violations);

    const model = this.materialize(state, type, region, desired, new Date(now));
    const identifier = type.identifierOf(model) ?? '';
    const scope = scopeOf(type, region);
    this.refuseConcurrent(state, type, scope, identifier, now);
    const failure = this.options.createFailure?.(type.typeName);
    return { ProgressEvent: this.submit(call, type, 'CREATE', identifier, model, failure) };
  }

  private updateResource(call: Call): Record<string, unknown> {
    const { input, state, region, now } = call;
    const type = this.type(input, 'update', 'UPDATE');
    const rawIdentifier = input.string('Identifier', { required: true, min: 1, max: 1024 }) ?? '';
    const patchText = input.string('PatchDocument', { required: true, min: 1, max: 262_144 }) ?? '';
    const replay = this.replay(call, 'UPDATE', type, [rawIdentifier, patchText]);
    if (replay) return { ProgressEvent: replay };

    const scope = scopeOf(type, region);
    const identifier = this.identifier(input, type, state, scope);
    let patch;
    try {
      patch = parsePatchDocument(patchText);
    } catch (error) {
      throw validationError(error instanceof Error ? error.message : String(error));
    }
    const touched = touchedPaths(patch);
    const readOnly = type.readOnlyProperties.filter((ro) =>
      touched.some((path) => isWithin(path, ro.split('/'))),
    );
    if (readOnly.length > 0) {
      throw validationError(
        `Invalid patch update: readOnlyProperties [${pointers(readOnly)}] cannot be updated`,
      );
    }
    const createOnly = type.createOnlyTouched(touched.map((path) => `/${path.join('/')}`));
    if (createOnly.length > 0) {
      throw cloudControlError(
        'NotUpdatableException',
        `Invalid patch update: createOnlyProperties [${pointers(createOnly)}] cannot be updated`,
      );
    }
    this.refuseConcurrent(state, type, scope, identifier, now);
    const current = state.store.get(scope, type.typeName, identifier);
    if (!current) throw notFound(type.typeName, identifier);

    // Cloud Control patches the model as it reads it (write-only values absent) and
    // validates the result, so a type whose required property is write-only fails there
    // as on AWS (pulumi-aws-native #277: Lambda "required key [Code] not found").
    // Write-only values the patch did not touch are then kept, as the handler keeps them.
    let patched: unknown;
    try {
      patched = applyJsonPatch(type.readable(current), patch);
    } catch (error) {
      if (error instanceof JsonPatchError) throw validationError(error.message);
      throw error;
    }
    if (!isRecord(patched)) {
      throw validationError('Invalid patch update: the result is not an object');
    }
    const violations = type.validateModel(patched);
    if (violations.length > 0) throw modelValidationFailed(violations);
    const updated = keepWriteOnly(type, current, patched, touched);
    return { ProgressEvent: this.submit(call, type, 'UPDATE', identifier, updated) };
  }

  private deleteResource(call: Call): Record<string, unknown> {
    const { input, state, region, now } = call;
    const type = this.type(input, 'delete', 'DELETE');
    const rawIdentifier = input.string('Identifier', { required: true, min: 1, max: 1024 }) ?? '';
    const replay = this.replay(call, 'DELETE', type, [rawIdentifier]);
    if (replay) return { ProgressEvent: replay };
    const scope = scopeOf(type, region);
    const identifier = this.identifier(input, type, state, scope);
    this.refuseConcurrent(state, type, scope, identifier, now);
    // A missing resource is the handler's business: the request FAILS with NotFound.
    return { ProgressEvent: this.submit(call, type, 'DELETE', identifier) };
  }

  private getResourceRequestStatus({ input, state, region, now }: Call): Record<string, unknown> {
    const request = this.findRequest(input, state, region, now);
    return { ProgressEvent: progressEventAt(request, now) };
  }

  private listResourceRequests({ input, state, region, now }: Call): Record<string, unknown> {
    const maxResults = input.number('MaxResults', 1, 100) ?? listRequestsDefaultPage;
    const nextToken = input.string('NextToken', { min: 1, max: 2048 });
    const filter = input.object('ResourceRequestStatusFilter');
    const wantedOps = filter ? enumList(filter, 'Operations', operations) : undefined;
    const wantedStatuses = filter
      ? enumList(filter, 'OperationStatuses', operationStatuses)
      : undefined;
    const matching = state
      .requestsIn(region, now)
      .filter((r) => !wantedOps || wantedOps.includes(r.operation))
      .filter((r) => !wantedStatuses || wantedStatuses.includes(phaseAt(r, now).status));
    const pageScope = `${state.account}\n${region}\nrequests\n${JSON.stringify([wantedOps, wantedStatuses])}`;
    const offset = this.offset(pageScope, nextToken);
    const out: Record<string, unknown> = {
      ResourceRequestStatusSummaries: matching
        .slice(offset, offset + maxResults)
        .map((r) => progressEventAt(r, now)),
    };
    if (offset + maxResults < matching.length) {
      out.NextToken = this.pages.encode(pageScope, offset + maxResults);
    }
    return out;
  }

  private cancelResourceRequest({ input, state, region, now }: Call): Record<string, unknown> {
    const request = this.findRequest(input, state, region, now);
    const { status } = phaseAt(request, now);
    if (status === 'PENDING' || status === 'IN_PROGRESS') {
      state.cancel(request, now);
    } else if (status !== 'CANCEL_IN_PROGRESS') {
      // Only PENDING and IN_PROGRESS requests can be canceled (API reference); the
      // reference does not say which error a finished one gets.
      throw cloudControlError(
        'InvalidRequestException',
        `Only resource operation requests with a status of PENDING or IN_PROGRESS can be canceled; request ${request.token} is ${status}.`,
      );
    }
    return { ProgressEvent: progressEventAt(request, now) };
  }

  // ---- helpers -------------------------------------------------------------------------

  private account(account: string): AccountState {
    let state = this.accounts.get(account);
    if (!state) {
      state = new AccountState(account);
      this.accounts.set(account, state);
      this.options.seedAccount?.(this.seeder(state));
    }
    return state;
  }

  private seeder(state: AccountState): AccountSeeder {
    const { catalog } = this.options;
    return {
      account: state.account,
      catalog,
      insert: (typeName, region, desired, createdAt) => {
        const type = catalog.get(typeName);
        if (!type) return undefined;
        const model = this.materialize(state, type, region, desired, createdAt);
        const identifier = type.identifierOf(model);
        if (identifier === undefined) return undefined;
        state.store.put(scopeOf(type, region), typeName, identifier, model);
        return identifier;
      },
    };
  }

  /** The full stored model of a new resource: what was asked plus what AWS fills in. */
  private materialize(
    state: AccountState,
    type: ResourceTypeModel,
    region: string,
    desired: Model,
    now: Date,
  ): Model {
    const context = { account: state.account, region, now, random: state.random };
    return applyTypeQuirks(type, type.withGeneratedReadOnly(desired, context), {
      ...context,
      nextModelPackageVersion: (group) => state.nextModelPackageVersion(region, group),
    });
  }

  private type(
    input: Input,
    handler: 'list' | 'read' | 'create' | 'update' | 'delete',
    action: string,
  ): ResourceTypeModel {
    const typeName = input.string('TypeName', { required: true, min: 10, max: 196 }) ?? '';
    const type = this.options.catalog.get(typeName);
    if (!type) throw typeNotFound(typeName);
    if (!type.handlers.has(handler)) throw unsupportedAction(typeName, action);
    return type;
  }

  private identifier(
    input: Input,
    type: ResourceTypeModel,
    state: AccountState,
    scope: string,
  ): string {
    const raw = input.string('Identifier', { required: true, min: 1, max: 1024 }) ?? '';
    const resolved = resolveIdentifier(type, raw, () => state.store.entries(scope, type.typeName));
    if (!resolved.ok) throw resolved.error;
    return resolved.identifier;
  }

  /** The parent filter a list takes, with AWS's message when a required parent is missing. */
  private listFilter(type: ResourceTypeModel, text: string | undefined): Model {
    const model = text === undefined ? {} : parseObject(text);
    const prefix = `Missing or invalid ResourceModel property in ${type.typeName} list handler request input.`;
    if (!model) {
      throw cloudControlError(
        'InvalidRequestException',
        `${prefix}ResourceModel must be a JSON object.`,
      );
    }
    const reasons = type.validateListModel
      ? type.validateListModel(model).map((v) => v.message)
      : missingListParents(type, model);
    if (reasons.length > 0) {
      throw cloudControlError(
        'InvalidRequestException',
        `${prefix}Required property: (${reasons.join(', ')})`,
      );
    }
    return Object.fromEntries(
      Object.entries(model).filter(([key]) => type.listParameters.includes(key)),
    );
  }

  private offset(pageScope: string, nextToken: string | undefined): number {
    if (nextToken === undefined) return 0;
    const offset = this.pages.decode(pageScope, nextToken);
    if (offset === undefined) {
      throw cloudControlError('InvalidRequestException', 'The NextToken is invalid or expired.');
    }
    return offset;
  }

  /** A ClientToken seen before: the original request, or 409 when the body differs. */
  private replay(
    call: Call,
    operation: Operation,
    type: ResourceTypeModel,
    parts: string[],
  ): ProgressEvent | undefined {
    const { input, state, region, now } = call;
    const clientToken = input.string('ClientToken', { min: 1, max: 128, pattern: tokenPattern });
    const fingerprint = JSON.stringify([
      operation,
      type.typeName,
      input.string('TypeVersionId') ?? null,
      input.string('RoleArn') ?? null,
      ...parts,
    ]);
    call.fingerprint = fingerprint;
    call.clientToken = clientToken ?? randomUUID();
    if (clientToken === undefined) return undefined;
    const original = state.byClientToken(`${region}\n${clientToken}`, now);
    if (!original) return undefined;
    if (original.fingerprint !== fingerprint) {
      throw cloudControlError(
        'ClientTokenConflictException',
        `The client token ${clientToken} has already been used in another resource request.`,
      );
    }
    return progressEventAt(original, now);
  }

  private refuseConcurrent(
    state: AccountState,
    type: ResourceTypeModel,
    scope: string,
    identifier: string,
    now: number,
  ): void {
    const busy = state.inFlight(scope, type.typeName, identifier, now);
    if (busy) {
      throw cloudControlError(
        'ConcurrentOperationException',
        `Another resource operation request (RequestToken: ${busy.token}) is in progress for resource of type '${type.typeName}' with identifier '${identifier}'.`,
      );
    }
  }

  private submit(
    call: Call,
    type: ResourceTypeModel,
    operation: Operation,
    identifier: string,
    model?: Model,
    forcedFailure?: { errorCode: string; message: string },
  ): ProgressEvent {
    const { state, region, now } = call;
    const request: ResourceRequest = {
      token: randomUUID(),
      seq: state.nextSeq(),
      region,
      scope: scopeOf(type, region),
      type,
      operation,
      identifier,
      submittedAt: now,
      stepMs: this.options.stepMs,
      fingerprint: call.fingerprint ?? '',
      ...(model ? { model } : {}),
      ...(forcedFailure ? { forcedFailure } : {}),
    };
    state.submit(request, `${region}\n${call.clientToken ?? request.token}`);
    // With a zero delay the request is already done.
    state.settle(now);
    return progressEventAt(request, now);
  }

  private findRequest(
    input: Input,
    state: AccountState,
    region: string,
    now: number,
  ): ResourceRequest {
    const token =
      input.string('RequestToken', { required: true, min: 1, max: 128, pattern: tokenPattern }) ??
      '';
    const request = state.request(token, now);
    if (!request || request.region !== region) {
      throw cloudControlError(
        'RequestTokenNotFoundException',
        `A resource operation with the request token ${token} can't be found.`,
      );
    }
    return request;
  }
}

interface Call {
  input: Input;
  state: AccountState;
  region: string;
  now: number;
  fingerprint?: string;
  clientToken?: string;
}

/** Reads members of a request body with coral's validation messages. */
class Input {
  constructor(private readonly raw: Record<string, unknown>) {}

  string(
    name: string,
    rules: { required?: boolean; min?: number; max?: number; pattern?: RegExp } = {},
  ): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) {
      if (rules.required) throw constraintViolation(name, value, 'Member must not be null');
      return undefined;
    }
    if (typeof value !== 'string') throw serializationError(`${name} must be a string.`);
    if (rules.min !== undefined && value.length < rules.min) {
      throw constraintViolation(
        name,
        value,
        `Member must have length greater than or equal to ${rules.min}`,
      );
    }
    if (rules.max !== undefined && value.length > rules.max) {
      throw constraintViolation(
        name,
        value,
        `Member must have length less than or equal to ${rules.max}`,
      );
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      throw constraintViolation(
        name,
        value,
        `Member must satisfy regular expression pattern: ${rules.pattern.source.slice(1, -1)}`,
      );
    }
    return value;
  }

  number(name: string, min: number, max: number): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw serializationError(`${name} must be an integer.`);
    if (value < min)
      throw constraintViolation(
        name,
        value,
        `Member must have value greater than or equal to ${min}`,
      );
    if (value > max)
      throw constraintViolation(name, value, `Member must have value less than or equal to ${max}`);
    return value;
  }

  object(name: string): Record<string, unknown> | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (!isRecord(value)) throw serializationError(`${name} must be an object.`);
    return value;
  }
}

function enumList<T extends string>(
  filter: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const value = filter[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw serializationError(`${name} must be a list.`);
  for (const item of value) {
    if (!(allowed as readonly unknown[]).includes(item)) {
      throw constraintViolation(
        `resourceRequestStatusFilter.${name.charAt(0).toLowerCase()}${name.slice(1)}`,
        item,
        `Member must satisfy enum value set: [${allowed.join(', ')}]`,
      );
    }
  }
  return value as T[];
}

/** For catalogs without validateListModel: the required parents (or alternatives) missing. */
function missingListParents(type: ResourceTypeModel, model: Model): string[] {
  const present = (name: string): boolean => model[name] !== undefined && model[name] !== null;
  const missing = type.listRequired.filter((name) => !present(name));
  const alternatives = (type.listRequiredAlternatives ?? []).filter((set) => set.length > 0);
  if (alternatives.length > 0 && !alternatives.some((set) => set.every(present))) {
    const first = alternatives[0] ?? [];
    missing.push(...first.filter((name) => !present(name) && !missing.includes(name)));
  }
  return missing.map((name) => `#: required key [${name}] not found`);
}

/** Where a type's resources live: global types once per account, others per region. */
export function scopeOf(type: ResourceTypeModel, region: string): string {
  return type.isGlobal ? 'global' : region;
}

function parseObject(text: string): Model | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Copies write-only values (reads never show them, so a patch cannot carry them) from the
 * current model into the patched one, unless the patch wrote at or around them.
 */
function keepWriteOnly(
  type: ResourceTypeModel,
  current: Model,
  patched: Model,
  touched: readonly string[][],
): Model {
  const out = structuredClone(patched);
  for (const writeOnly of type.writeOnlyProperties) {
    const path = writeOnly.split('/');
    if (path.includes('*')) continue;
    if (touched.some((t) => isWithin(t, path) || isWithin(path, t))) continue;
    let from: unknown = current;
    let to: unknown = out;
    for (const [i, segment] of path.entries()) {
      if (!isRecord(from) || !isRecord(to)) break;
      if (i === path.length - 1) {
        if (from[segment] !== undefined) to[segment] = structuredClone(from[segment]);
      } else {
        from = from[segment];
        to = to[segment];
      }
    }
  }
  return out;
}

function pointers(names: readonly string[]): string {
  return names.map((name) => `/properties/${name}`).join(', ');
}

/** AWS joins the schema violations with newlines inside one ValidationException. */
function modelValidationFailed(violations: readonly { message: string }[]): ServiceError {
  return validationError(
    `Model validation failed (${violations.map((v) => v.message).join('\n')})`,
  );
}
