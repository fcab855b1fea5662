import { Dispatcher } from '../../src/delivery/dispatcher';
import type { Outbox } from '../../src/delivery/outbox';
import { targetsFrom } from '../../src/delivery/targets';
import { QUICK_RETRIES, targetSettings } from '../support/delivering-api';
import { testStore, type TestStore } from '../support/stores';
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
  await outbox.enqueue({ id: 'd1', system: 'servicenow', ticket: 'a1', key: 'servicenow:a1:k', requests: [{ method: 'PATCH', path: '/api/now/table/incident/a1', body: { work_notes: 'note' } }] }, Date.now(), Date.now() + 60_000);
  // A claim that answers only once the stop has begun, as a slow database would.
  let answer!: () => void;
  const held = new Promise<void>((resolve) => (answer = resolve));
  let claimed!: () => void;
  const claiming = new Promise<void>((resolve) => (claimed = resolve));
  const slow: Outbox = { ...outbox, finishAttempt: outbox.finishAttempt.bind(outbox), claim: async (...args) => {
    claimed();
    await held;
    return outbox.claim(...args);
  } };
  const dispatcher = new Dispatcher({ outbox: slow, targets: targetsFrom(targetSettings([servicenow])), policy: QUICK_RETRIES, instance: 'test', concurrency: 4, pollMs: 1000 });
  dispatcher.start();
  await claiming;
  const stopped = dispatcher.stop(5000);
  answer();
  await stopped;
  expect(servicenow.writes('a1')).toHaveLength(1);
  expect((await outbox.get('d1'))?.delivery.state).toBe('delivered');
});
