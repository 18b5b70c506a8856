import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSink } from './sink';
import { Collector, FailingWritable, GatedWritable, settle } from './test-support/streams';

describe('createSink', () => {
  it('resolves a write at once while the destination has room, and counts its bytes', async () => {
    const out = new Collector();
    const sink = createSink(out);
    await sink.write('héllo ');
    await sink.write(Buffer.from('👋'));
    await sink.end();
    expect(out.text()).toBe('héllo 👋');
    expect(sink.bytes).toBe(Buffer.byteLength('héllo 👋'));
    expect(out.writableFinished).toBe(true);
  });

  it('resolves a write only after the destination drains', async () => {
    const out = new GatedWritable();
    const sink = createSink(out);
    let resolved = false;
    const written = sink.write('more than sixteen bytes').then(() => {
      resolved = true;
    });
    await settle();
    expect(resolved).toBe(false);
    expect(out.writableNeedDrain).toBe(true);
    // Nothing is counted until the destination has taken it.
    expect(sink.bytes).toBe(0);
    out.open();
    await written;
    expect(resolved).toBe(true);
    expect(sink.bytes).toBe(23);
  });

  it('rejects a write waiting for a drain when the destination fails', async () => {
    const out = new GatedWritable();
    const sink = createSink(out);
    const written = sink.write('more than sixteen bytes');
    await settle();
    out.destroy(new Error('disk gone'));
    await expect(written).rejects.toThrow('disk gone');
  });

  it('rejects a write waiting for a drain when the destination closes without an error', async () => {
    const out = new GatedWritable();
    const sink = createSink(out);
    const written = sink.write('more than sixteen bytes');
    await settle();
    out.destroy();
    await expect(written).rejects.toThrow(/closed/);
  });

  it('fails the next write and the end after an error between writes', async () => {
    const out = new FailingWritable(new Error('EIO'));
    const sink = createSink(out);
    // The failure comes after the write returned true; it is not lost.
    await sink.write('a').catch(() => undefined);
    await settle();
    await expect(sink.write('b')).rejects.toThrow('EIO');
    await expect(sink.end()).rejects.toThrow('EIO');
  });

  it('refuses to write to a destination someone else ended or destroyed', async () => {
    const ended = new Collector();
    ended.end();
    await expect(createSink(ended).write('a')).rejects.toThrow(/closed/);
    const destroyed = new Collector();
    destroyed.destroy();
    await expect(createSink(destroyed).write('a')).rejects.toThrow(/closed/);
    await expect(createSink(destroyed).end()).rejects.toThrow(/closed/);
  });

  it('rejects the end when the final flush fails', async () => {
    const out = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
      final(callback) {
        callback(new Error('fsync failed'));
      },
    });
    const sink = createSink(out);
    await sink.write('a');
    await expect(sink.end()).rejects.toThrow('fsync failed');
  });
});
