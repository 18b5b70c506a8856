import { callChannel, callNames, type CallOutcome } from '../../shared/contract';
import { dispatch, type HandlerTable, type Logger } from '../hosts/dispatch';
import { describeSender, type SenderEvent } from './sender';

/** The part of Electron's ipcMain this module uses (ipcMain itself satisfies it). */
export interface InvokeRegistry {
  handle(
    channel: string,
    listener: (event: SenderEvent, ...args: unknown[]) => Promise<CallOutcome>,
  ): void;
  removeHandler(channel: string): void;
}

export interface RegisterOptions {
  isTrustedSender: (event: SenderEvent) => boolean;
  log: Logger;
}

function forbidden(name: string): CallOutcome {
  return {
    ok: false,
    error: {
      code: 'Forbidden',
      message: `Cloudshelf refused ${name}: it did not come from the Cloudshelf window.`,
    },
  };
}

function internalError(name: string): CallOutcome {
  return {
    ok: false,
    error: {
      code: 'Internal',
      message: `Cloudshelf could not complete ${name} because of an internal error.`,
    },
  };
}

/**
 * Registers one ipcMain handler per call in the contract. Every handler checks the sender
 * first, then hands the raw arguments to `dispatch`, which validates them against the
 * contract and never throws, so the renderer always receives a CallOutcome envelope.
 * Arguments are never logged: later calls carry values a user would not want in a log.
 * Returns a disposer that removes the handlers again.
 */
export function registerCalls(
  ipcMain: InvokeRegistry,
  handlers: HandlerTable,
  options: RegisterOptions,
): () => void {
  const channels: string[] = [];
  for (const name of callNames) {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, rawArgs): Promise<CallOutcome> => {
      try {
        if (!options.isTrustedSender(event)) {
          options.log(
            `call ${name} refused: sender is ${describeSender(event)}, not the Cloudshelf window`,
          );
          return forbidden(name);
        }
        return await dispatch(handlers, name, rawArgs, { host: 'electron' }, options.log);
      } catch (error) {
        // dispatch does not throw; this guards the sender check so IPC never sees an exception.
        options.log(`call ${name} crashed before dispatch: ${String(error)}`);
        return internalError(name);
      }
    });
    channels.push(channel);
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
