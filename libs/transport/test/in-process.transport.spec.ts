import { RawEnvelope } from '@soc/parsers';
import { BatchConsumer, InProcessTransport, StreamBatch } from '@soc/transport';

/** A consumer that runs `onBatch` and has no stored offsets (the in-process bus never asks for them). */
const consumer = (onBatch: (batch: StreamBatch) => Promise<void> | void): BatchConsumer => ({
  handleBatch: async (batch) => {
    await onBatch(batch);
  },
  storedOffset: () => Promise.resolve(undefined),
});

const envelope = (payload: string): RawEnvelope => ({ sourceId: 's', receivedAt: new Date(0), transport: 'http', payload });

describe('InProcessTransport', () => {
  it('resolves publish only after the consumer committed the batch holding the records', async () => {
    const transport = new InProcessTransport(10);
    const committed: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await transport.startConsuming(
      consumer(async (batch) => {
        await gate;
        committed.push(...batch.messages.map((m) => m.envelope.payload));
      }),
    );
    let published = false;
    const publishing = transport.publish([envelope('a'), envelope('b')]).then(() => (published = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(published).toBe(false);
    release();
    await publishing;
    expect(committed).toEqual(['a', 'b']);
  });

  it('groups queued publishes into batches no larger than the batch size, in order', async () => {
    const transport = new InProcessTransport(3);
    const batches: StreamBatch[] = [];
    const publishes = [transport.publish([envelope('1'), envelope('2')]), transport.publish([envelope('3')]), transport.publish([envelope('4'), envelope('5')])];
    await transport.startConsuming(consumer((b) => void batches.push(b)));
    await Promise.all(publishes);
    expect(batches.map((b) => b.messages.map((m) => m.envelope.payload))).toEqual([['1', '2', '3'], ['4', '5']]);
    expect(batches.every((b) => b.durableOffsets === false && b.stream === 'in-process')).toBe(true);
  });

  it('rejects the publishers of a failed batch and keeps serving later ones', async () => {
    const transport = new InProcessTransport(10);
    let fail = true;
    await transport.startConsuming(
      consumer(() => {
        if (fail) throw new Error('database down');
      }),
    );
    await expect(transport.publish([envelope('x')])).rejects.toThrow('database down');
    fail = false;
    await expect(transport.publish([envelope('y')])).resolves.toBeUndefined();
  });

  it('makes publishers wait when the queue is full instead of dropping', async () => {
    const transport = new InProcessTransport(2, 2);
    const first = transport.publish([envelope('a'), envelope('b')]);
    let secondDone = false;
    const second = transport.publish([envelope('c')]).then(() => (secondDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(secondDone).toBe(false);
    const seen: string[] = [];
    await transport.startConsuming(consumer((b) => void seen.push(...b.messages.map((m) => m.envelope.payload))));
    await Promise.all([first, second]);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('rejects publishing after close', async () => {
    const transport = new InProcessTransport(2);
    await transport.close();
    await expect(transport.publish([envelope('a')])).rejects.toMatchObject({ code: 'TRANSPORT_UNAVAILABLE' });
    expect(transport.health().status).toBe('down');
  });
});
