import { randomBytes } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { localLiveBus, redisLiveBus, type LiveBus } from '../live/live-bus';

type Event = { type: string; number: number };

const REDIS_URL = 'redis://127.0.0.1:6379';
const open: LiveBus<Event>[] = [];
const errors: string[] = [];

/** One CMS node's bus on the shared Redis. */
const node = (channel: string) => {
  const bus = redisLiveBus<Event>(REDIS_URL, channel, (message) => errors.push(message));
  open.push(bus);
  return bus;
};

const heard = (bus: LiveBus<Event>) => {
  const events: Event[] = [];
  bus.subscribe((event) => events.push(event));
  return events;
};

afterEach(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
  expect(errors.splice(0)).toEqual([]);
});

describe('the desk’s live events', () => {
  it('reach a page open on another node, and each page once', async () => {
    const channel = `test-${randomBytes(6).toString('hex')}:support:live`;
    const [a, b] = [node(channel), node(channel)];
    const [onA, onB] = [heard(a), heard(b)];
    // Subscribing to the channel takes a round trip.
    await new Promise((resolve) => setTimeout(resolve, 200));

    a.publish({ type: 'ticket.created', number: 1 });
    b.publish({ type: 'ticket.created', number: 2 });
    await expect.poll(() => onB.length, { timeout: 2000 }).toBe(2);
    await expect.poll(() => onA.length, { timeout: 2000 }).toBe(2);
    expect(onB.map((event) => event.number).sort()).toEqual([1, 2]);
    expect(onA.map((event) => event.number).sort()).toEqual([1, 2]);
  });

  it('of another platform on the same Redis are not heard', async () => {
    const mine = node(`test-${randomBytes(6).toString('hex')}:support:live`);
    const theirs = node(`test-${randomBytes(6).toString('hex')}:support:live`);
    const onMine = heard(mine);
    await new Promise((resolve) => setTimeout(resolve, 200));
    theirs.publish({ type: 'ticket.created', number: 3 });
    mine.publish({ type: 'ticket.created', number: 4 });
    await expect.poll(() => onMine.length, { timeout: 2000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onMine).toEqual([{ type: 'ticket.created', number: 4 }]);
  });

  it('stay on their node without Redis, and stop reaching a page that closed', async () => {
    const bus = localLiveBus<Event>();
    const events: Event[] = [];
    const unsubscribe = bus.subscribe((event) => events.push(event));
    bus.publish({ type: 'ticket.created', number: 5 });
    unsubscribe();
    bus.publish({ type: 'ticket.created', number: 6 });
    expect(events).toEqual([{ type: 'ticket.created', number: 5 }]);
  });
});
