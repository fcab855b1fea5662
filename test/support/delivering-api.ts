import { once } from 'node:events';
import type { ServiceAppOptions as AppOptions } from '../../src/service/service-app';
import { Dispatcher } from '../../src/delivery/dispatcher';
import { DeliveryIntake } from '../../src/delivery/intake';
import type { Delivery, Outbox, System } from '../../src/delivery/outbox';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../src/delivery/retry-policy';
import { targetsFrom, type TargetSettings } from '../../src/delivery/targets';
import { Metrics } from '../../src/observability/metrics';
import { DecisionRecorder } from '../../src/decisions/recorder';
import { TestApi } from '../../harness/api';
import { testStore, type TestStore } from './stores';
import type { TicketingStandIn } from '../../harness/ticketing-stand-in';

/** Retries within milliseconds, so that an outage and a recovery fit in a test. */
export const QUICK_RETRIES: RetryPolicy = { firstRetryMs: 10, longestRetryMs: 50, giveUpMs: 60_000, timeoutMs: 2000 };

export interface DeliveringApi {
  api: TestApi;
  store: TestStore;
  dispatcher: Dispatcher;
  metrics: Metrics;
  /** The decision log, when asked for. */
  decisions?: DecisionRecorder;
  /** Resolves with the delivery once it is delivered or dead-lettered. */
  settled(id: string): Promise<Delivery>;
  close(): Promise<void>;
}

/** The settings that make the service deliver to these stand-ins, as config.ts reads them from the environment. */
export function targetSettings(standIns: Pick<TicketingStandIn, 'system' | 'url' | 'credentials'>[]): TargetSettings {
  return Object.fromEntries(standIns.map((s) => [s.system, { url: s.url, ...s.credentials }]));
}

/**
 * The app in-process with a store, delivering to `targets` in the background, as server.ts
 * wires it: webhooks record, the dispatcher sends, /v1/deliveries shows.
 */
export async function startDeliveringApi(
  options: { targets?: TargetSettings; policy?: RetryPolicy; kind?: 'sqlite' | 'postgres'; app?: Partial<AppOptions>; start?: boolean; decisions?: boolean } = {},
): Promise<DeliveringApi> {
  const { policy = DEFAULT_RETRY_POLICY, kind = 'sqlite' } = options;
  const store = await testStore(kind);
  const metrics = new Metrics();
  metrics.watchOutbox(store.store.outbox);
  const targets = targetsFrom(options.targets ?? {});
  const dispatcher = new Dispatcher({ outbox: store.store.outbox, targets, policy, instance: 'test', concurrency: 8, pollMs: 50, metrics });
  const intake = new DeliveryIntake({
    outbox: store.store.outbox,
    systems: new Set(Object.keys(targets) as System[]),
    giveUpMs: policy.giveUpMs,
    queued: (system) => {
      metrics.deliveryQueued(system);
      dispatcher.wake();
    },
  });
  const decisions = options.decisions ? new DecisionRecorder({ log: store.store.decisions }) : undefined;
  const api = await TestApi.start({
    deliveries: { intake, outbox: store.store.outbox, giveUpMs: policy.giveUpMs, requeued: () => dispatcher.wake() },
    store: store.store,
    metrics,
    ...(decisions ? { decisions } : {}),
    ...options.app,
  });
  if (options.start !== false) dispatcher.start();
  const settled = new Map<string, Delivery>();
  dispatcher.on('settled', (delivery: Delivery) => settled.set(delivery.id, delivery));
  return {
    api,
    store,
    dispatcher,
    metrics,
    ...(decisions ? { decisions } : {}),
    async settled(id) {
      while (!settled.has(id)) await once(dispatcher, 'settled');
      const delivery = settled.get(id)!;
      settled.delete(id);
      return delivery;
    },
    async close() {
      await api.close();
      await dispatcher.stop();
      await decisions?.flush();
      await store.dispose();
    },
  };
}

/**
 * A dead letter in `outbox` under `id`, as openapi.yaml's delivery examples and the docs' curl
 * examples name it: a Zendesk note refused with a 401, after one attempt.
 */
export async function recordDeadLetter(outbox: Outbox, id: string): Promise<void> {
  await outbox.enqueue({ id, system: 'zendesk', ticket: '4711', key: 'zendesk:4711:example', requests: [{ method: 'PUT', path: '/api/v2/tickets/4711.json', body: {} }] }, 1000, 2000);
  await outbox.claim('example', 1000, 60_000, 1);
  await outbox.finishAttempt(
    id,
    'example',
    { request: 0, startedAt: 1000, durationMs: 80, outcome: 'dead', answer: { status: 401, body: '{"error":"Couldn\'t authenticate you"}' } },
    { state: 'dead', done: 0 },
  );
}
