import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../../src/sim/traffic/event-queue';

describe('EventQueue', () => {
  it('pops events in time order, whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 300 }), (times) => {
        const queue = new EventQueue(2);
        times.forEach((t, i) => queue.push(t, i));
        const popped: number[] = [];
        while (queue.size > 0) {
          popped.push(queue.topTime);
          queue.pop();
        }
        expect(popped).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });

  it('breaks ties in push order', () => {
    const queue = new EventQueue();
    for (let i = 0; i < 50; i++) queue.push(i % 3, i);
    const items: number[] = [];
    while (queue.size > 0) items.push(queue.pop());
    const expected = [0, 1, 2].flatMap((t) => Array.from({ length: 50 }, (_, i) => i).filter((i) => i % 3 === t));
    expect(items).toEqual(expected);
  });

  it('replaceTop is a pop followed by a push', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 100 }), (pairs) => {
        const a = new EventQueue();
        const b = new EventQueue();
        pairs.forEach(([t], i) => {
          a.push(t, i);
          b.push(t, i);
        });
        for (const [, dt] of pairs) {
          const t = a.topTime + dt;
          const item = a.topItem + 1000;
          a.replaceTop(t, item);
          b.pop();
          b.push(t, item);
        }
        const drain = (q: EventQueue) => {
          const out: [number, number][] = [];
          while (q.size > 0) out.push([q.topTime, q.pop()]);
          return out;
        };
        expect(drain(a)).toEqual(drain(b));
      }),
    );
  });

  it('refuses what model time cannot be', () => {
    const queue = new EventQueue();
    expect(() => queue.pop()).toThrow(RangeError);
    expect(() => queue.push(-1, 0)).toThrow(RangeError);
    expect(() => queue.push(Number.NaN, 0)).toThrow(RangeError);
  });
});
