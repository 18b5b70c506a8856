import { Writable } from 'node:stream';
import type { InventoryRow } from '../../../../shared/contract';

/** A destination that keeps every chunk it is given. */
export class Collector extends Writable {
  readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }

  buffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  text(): string {
    return this.buffer().toString('utf8');
  }
}

/**
 * A destination that takes nothing until `open()`: its write callbacks wait, like a disk
 * or a pipe that has fallen behind. Tiny high-water mark, so one chunk fills it.
 */
export class GatedWritable extends Writable {
  readonly chunks: Buffer[] = [];
  private gated = true;
  private waiting: (() => void)[] = [];

  constructor() {
    super({ highWaterMark: 16 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    if (this.gated) this.waiting.push(callback);
    else callback();
  }

  open(): void {
    this.gated = false;
    const waiting = this.waiting;
    this.waiting = [];
    for (const callback of waiting) callback();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** A destination whose every write fails. */
export class FailingWritable extends Writable {
  constructor(private readonly error: Error) {
    super();
  }

  override _write(_chunk: Buffer, _encoding: BufferEncoding, callback: (e: Error) => void): void {
    callback(this.error);
  }
}

/** Lets pending I/O callbacks, timers and promise jobs run: a few turns of the event loop. */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export function inventoryRow(
  identifier: string,
  properties: Record<string, unknown>,
  overrides: Partial<InventoryRow> = {},
): InventoryRow {
  return {
    key: `111122223333/eu-west-1/${identifier}`,
    typeName: 'AWS::SageMaker::Image',
    account: '111122223333',
    region: 'eu-west-1',
    identifier,
    properties,
    readAt: Date.UTC(2025, 0, 2, 3, 4, 5, 678),
    ...overrides,
  };
}
