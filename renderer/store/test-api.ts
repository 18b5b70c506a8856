// A CloudshelfApi for store tests: scripted answers per call, events sent on demand.
import {
  buildApi,
  CloudshelfError,
  type CallArgs,
  type CallName,
  type CallResult,
  type CloudshelfApi,
  type EventName,
  type EventPayload,
} from '../../shared/contract';

export type Answer<N extends CallName> = (
  args: CallArgs<N>,
) => CallResult<N> | Promise<CallResult<N>>;
export type Answers = { [N in CallName]?: Answer<N> };

export interface FakeApi {
  api: CloudshelfApi;
  /** Every call made, in order, with its arguments. */
  calls: { name: CallName; args: unknown }[];
  /** Arguments of every call of one name. */
  argsOf: <N extends CallName>(name: N) => CallArgs<N>[];
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  listenerCount: () => number;
}

/** Calls without an answer fail with a CloudshelfError naming them. */
export function fakeApi(answers: Answers): FakeApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { name: CallName; args: unknown }[] = [];
  const api = buildApi({
    async call(name, args) {
      calls.push({ name, args });
      const answer = answers[name] as ((args: unknown) => unknown) | undefined;
      try {
        if (!answer) throw new CloudshelfError('Internal', `unscripted call ${name}`);
        return { ok: true, value: await answer(args) };
      } catch (error) {
        if (error instanceof CloudshelfError) return { ok: false, error: error.toPayload() };
        throw error;
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = (payload: unknown): void => {
        listener(payload);
      };
      set.add(entry);
      return () => set.delete(entry);
    },
  });
  return {
    api,
    calls,
    argsOf: <N extends CallName>(name: N) =>
      calls.filter((call) => call.name === name).map((call) => call.args as CallArgs<N>),
    emit: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    listenerCount: () => [...listeners.values()].reduce((total, set) => total + set.size, 0),
  };
}

/** Lets pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
