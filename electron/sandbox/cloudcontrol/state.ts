import { createRandom, seedFromString, type Random } from '../prng';
import { alreadyExistsMessage, notFoundMessage } from './errors';
import { completesAt, phaseAt, isInFlight, type Model, type ResourceRequest } from './lifecycle';

/** How long requests stay listable (ListResourceRequests: "expire after 7 days"). */
export const requestRetentionMs = 7 * 24 * 3600_000;
/** How long a ClientToken identifies its request (CreateResource: "valid for 36 hours"). */
export const clientTokenLifetimeMs = 36 * 3600_000;

/** Resources by scope (a region, or `global`), then type, then identifier. */
export class ResourceStore {
  private readonly scopes = new Map<string, Map<string, Map<string, Model>>>();
  /** Lists page through the same snapshot until something changes (O(1) per page). */
  private readonly snapshots = new Map<string, readonly (readonly [string, Model])[]>();

  entries(scope: string, typeName: string): readonly (readonly [string, Model])[] {
    const key = `${scope}\n${typeName}`;
    let snapshot = this.snapshots.get(key);
    if (!snapshot) {
      snapshot = [...(this.scopes.get(scope)?.get(typeName) ?? new Map<string, Model>())];
      this.snapshots.set(key, snapshot);
    }
    return snapshot;
  }

  get(scope: string, typeName: string, identifier: string): Model | undefined {
    return this.scopes.get(scope)?.get(typeName)?.get(identifier);
  }

  /** Insertion order is list order; replacing keeps a resource's place. */
  put(scope: string, typeName: string, identifier: string, model: Model): void {
    let types = this.scopes.get(scope);
    if (!types) this.scopes.set(scope, (types = new Map<string, Map<string, Model>>()));
    let resources = types.get(typeName);
    if (!resources) types.set(typeName, (resources = new Map<string, Model>()));
    resources.set(identifier, model);
    this.snapshots.delete(`${scope}\n${typeName}`);
  }

  delete(scope: string, typeName: string, identifier: string): boolean {
    this.snapshots.delete(`${scope}\n${typeName}`);
    return this.scopes.get(scope)?.get(typeName)?.delete(identifier) ?? false;
  }
}

/**
 * Everything one account has: its resources in every region, its resource requests, and
 * the ClientTokens it used. Requests take effect lazily: every call first settles the
 * requests whose time has come, in the order they complete.
 */
export class AccountState {
  readonly store = new ResourceStore();
  /** Deterministic per account, so generated ids (vpc-…) repeat across runs. */
  readonly random: Random;
  private readonly requests = new Map<string, ResourceRequest>();
  private unsettled: ResourceRequest[] = [];
  private readonly clientTokens = new Map<string, { requestToken: string; at: number }>();
  private readonly packageVersions = new Map<string, number>();
  private seq = 0;

  constructor(readonly account: string) {
    this.random = createRandom(seedFromString(account));
  }

  nextSeq(): number {
    return ++this.seq;
  }

  submit(request: ResourceRequest, clientTokenKey: string): void {
    this.requests.set(request.token, request);
    this.unsettled.push(request);
    this.clientTokens.set(clientTokenKey, { requestToken: request.token, at: request.submittedAt });
  }

  request(token: string, now: number): ResourceRequest | undefined {
    this.prune(now);
    return this.requests.get(token);
  }

  /** The original request of a ClientToken still within its lifetime. */
  byClientToken(clientTokenKey: string, now: number): ResourceRequest | undefined {
    this.prune(now);
    const entry = this.clientTokens.get(clientTokenKey);
    return entry && this.requests.get(entry.requestToken);
  }

  /** Newest first. */
  requestsIn(region: string, now: number): ResourceRequest[] {
    this.prune(now);
    return [...this.requests.values()]
      .filter((r) => r.region === region)
      .sort((a, b) => b.seq - a.seq);
  }

  /** A request still working on this resource, if any. */
  inFlight(
    scope: string,
    typeName: string,
    identifier: string,
    now: number,
  ): ResourceRequest | undefined {
    return this.unsettledOrCancelling(now).find(
      (r) =>
        r.scope === scope &&
        r.type.typeName === typeName &&
        r.identifier === identifier &&
        isInFlight(phaseAt(r, now).status),
    );
  }

  cancel(request: ResourceRequest, now: number): void {
    request.cancelRequestedAt = now;
    this.unsettled = this.unsettled.filter((r) => r !== request);
  }

  nextModelPackageVersion(region: string, groupName: string): number {
    const key = `${region}\n${groupName.toLowerCase()}`;
    const version = (this.packageVersions.get(key) ?? 0) + 1;
    this.packageVersions.set(key, version);
    return version;
  }

  /** Applies, in completion order, every request whose last step has passed. */
  settle(now: number): void {
    const due = this.unsettled
      .filter((r) => completesAt(r) <= now)
      .sort((a, b) => completesAt(a) - completesAt(b) || a.seq - b.seq);
    if (due.length === 0) return;
    this.unsettled = this.unsettled.filter((r) => completesAt(r) > now);
    for (const request of due) request.outcome = this.apply(request);
  }

  private apply(request: ResourceRequest): NonNullable<ResourceRequest['outcome']> {
    const { scope, identifier, operation } = request;
    const typeName = request.type.typeName;
    const existing = this.store.get(scope, typeName, identifier);
    if (operation === 'CREATE') {
      if (request.forcedFailure) return { status: 'FAILED', ...forced(request.forcedFailure) };
      if (existing) {
        return {
          status: 'FAILED',
          errorCode: 'AlreadyExists',
          message: alreadyExistsMessage(typeName, identifier),
        };
      }
      const model = request.model ?? {};
      this.store.put(scope, typeName, identifier, model);
      return { status: 'SUCCESS', model };
    }
    if (!existing) {
      return {
        status: 'FAILED',
        errorCode: 'NotFound',
        message: notFoundMessage(typeName, identifier),
      };
    }
    if (operation === 'DELETE') {
      this.store.delete(scope, typeName, identifier);
      return { status: 'SUCCESS' };
    }
    const model = request.model ?? existing;
    this.store.put(scope, typeName, identifier, model);
    return { status: 'SUCCESS', model };
  }

  private unsettledOrCancelling(now: number): ResourceRequest[] {
    return [...this.requests.values()].filter(
      (r) => r.outcome === undefined && isInFlight(phaseAt(r, now).status),
    );
  }

  private prune(now: number): void {
    for (const [token, request] of this.requests) {
      if (request.submittedAt < now - requestRetentionMs) this.requests.delete(token);
    }
    for (const [key, entry] of this.clientTokens) {
      if (entry.at < now - clientTokenLifetimeMs) this.clientTokens.delete(key);
    }
  }
}

function forced(failure: { errorCode: string; message: string }): {
  errorCode: string;
  message: string;
} {
  return { errorCode: failure.errorCode, message: failure.message };
}
