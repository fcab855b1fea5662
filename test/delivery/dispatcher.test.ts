import { once } from 'node:events';
import type { Logger } from 'pino';
import { Dispatcher } from '../../src/delivery/dispatcher';
import type { Outbox } from '../../src/delivery/outbox';
import { targetsFrom } from '../../src/delivery/targets';
import { QUICK_RETRIES, targetSettings } from '../support/delivering-api';
import { eventually } from '../support/eventually';
import { STORE_KINDS, testStore, type TestStore } from '../support/stores';
import { TicketingStandIn } from '../../harness/ticketing-stand-in';

let store: TestStore;
let servicenow: TicketingStandIn;
beforeEach(async () => {
  store = await testStore('sqlite');
  servicenow = await TicketingStandIn.start('servicenow');
});
afterEach(async () => {
  await servicenow.close();
  await store.dispose();
});

it('when the service stops while a claim is under way, then what the claim takes is sent and recorded before the stop resolves', async () => {
  const { outbox } = store.store;
  await outbox.enqueue(
    { id: 'd1', system: 'servicenow', ticket: 'a1', key: 'servicenow:a1:k', requests: [{ method: 'PATCH', path: '/api/now/table/incident/a1', body: { work_notes: 'note' } }] },
    Date.now(),
    Date.now() + 60_000,
  );
  // A claim that answers only once the stop has begun, as a slow database would.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  let claimed!: () => void;
  const claiming = new Promise<void>((resolve) => (claimed = resolve));
  const slow: Outbox = {
    ...outbox,
    finishAttempt: outbox.finishAttempt.bind(outbox),
    renew: outbox.renew.bind(outbox),
    claim: async (...args) => {
      claimed();
      await held;
      return outbox.claim(...args);
    },
  };
  const dispatcher = new Dispatcher({ outbox: slow, targets: targetsFrom(targetSettings([servicenow])), policy: QUICK_RETRIES, instance: 'test', concurrency: 4, pollMs: 1000 });
  dispatcher.start();
  await claiming;
  const stopped = dispatcher.stop(5000);
  answer();
  await stopped;
  expect(servicenow.writes('a1')).toHaveLength(1);
  expect((await outbox.get('d1'))?.delivery.state).toBe('delivered');
});

describe.each(STORE_KINDS)('leases, on the %s store', (kind) => {
  let shared: TestStore;
  beforeEach(async () => {
    shared = await testStore(kind);
  });
  afterEach(() => shared.dispose());

  it('when an instance stalls past its lease and another instance takes the delivery, then the first does not send it', async () => {
    const { outbox } = shared.store;
    await outbox.enqueue(
      { id: 'd2', system: 'servicenow', ticket: 'b2', key: 'servicenow:b2:k', requests: [{ method: 'PATCH', path: '/api/now/table/incident/b2', body: { work_notes: 'note' } }] },
      Date.now(),
      Date.now() + 60_000,
    );
    // Instance a's clock jumps a minute as its claim returns: the process was paused (a long GC,
    // a stopped VM) past its lease, and instance b, whose clock is that minute on, took the delivery.
    let stalledMs = 0;
    const stalling: Outbox = {
      ...outbox,
      finishAttempt: outbox.finishAttempt.bind(outbox),
      renew: outbox.renew.bind(outbox),
      claim: async (...args) => {
        const taken = await outbox.claim(...args);
        if (taken.length) {
          stalledMs = 60_000;
          expect((await outbox.claim('b', Date.now() + stalledMs, Date.now() + stalledMs + 60_000, 10)).map((d) => d.id)).toEqual(['d2']);
        }
        return taken;
      },
    };
    const warnings: string[] = [];
    const logger = { warn: (_fields: unknown, message: string) => warnings.push(message), error: () => {}, debug: () => {} } as unknown as Logger;
    const dispatcher = new Dispatcher({
      outbox: stalling,
      targets: targetsFrom(targetSettings([servicenow])),
      policy: { ...QUICK_RETRIES, timeoutMs: 1000 },
      instance: 'a',
      concurrency: 4,
      pollMs: 1000,
      logger,
      now: () => Date.now() + stalledMs,
    });
    dispatcher.start();
    await eventually('instance a gives the delivery up', () => warnings.includes('lease lost: another instance took the delivery'));
    await dispatcher.stop();
    expect(servicenow.requests).toHaveLength(0);
    expect((await outbox.get('d2'))?.delivery).toMatchObject({ state: 'sending', leaseOwner: 'b', attempts: 0 });
  });

  it('when an instance stalls past its lease and nobody took the delivery, then it renews the lease and sends it, once', async () => {
    const { outbox } = shared.store;
    await outbox.enqueue(
      { id: 'd3', system: 'servicenow', ticket: 'b3', key: 'servicenow:b3:k', requests: [{ method: 'PATCH', path: '/api/now/table/incident/b3', body: { work_notes: 'note' } }] },
      Date.now(),
      Date.now() + 600_000,
    );
    let stalledMs = 0;
    const renewals: number[] = [];
    const stalling: Outbox = {
      ...outbox,
      finishAttempt: outbox.finishAttempt.bind(outbox),
      renew: async (id, instance, leaseUntil) => {
        renewals.push(leaseUntil);
        return outbox.renew(id, instance, leaseUntil);
      },
      claim: async (...args) => {
        const taken = await outbox.claim(...args);
        if (taken.length) stalledMs = 60_000;
        return taken;
      },
    };
    const dispatcher = new Dispatcher({
      outbox: stalling,
      targets: targetsFrom(targetSettings([servicenow])),
      policy: { ...QUICK_RETRIES, timeoutMs: 1000 },
      instance: 'a',
      concurrency: 4,
      pollMs: 1000,
      now: () => Date.now() + stalledMs,
    });
    const settled = once(dispatcher, 'settled');
    dispatcher.start();
    await settled;
    await dispatcher.stop();
    expect(renewals).toHaveLength(1);
    expect(servicenow.writes('b3')).toHaveLength(1);
    expect((await outbox.get('d3'))?.delivery).toMatchObject({ state: 'delivered', attempts: 1 });
  });
});
