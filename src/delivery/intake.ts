import crypto from 'node:crypto';
import { deliveryKey } from './delivery-key';
import type { Outbox, Receipt, System } from './outbox';
import { OutboxUnavailable, type WriteBackRecord } from './write-back';

interface IntakeOptions {
  outbox: Outbox;
  /** The systems delivery is configured for; a webhook from another is answered and nothing is recorded. */
  systems: ReadonlySet<System>;
  giveUpMs: number;
  /** Told of every new delivery: the metrics count it, the dispatcher looks for it. */
  queued?: (system: System) => void;
  now?: () => number;
}

/**
 * Records a webhook's write-back in the outbox, before the webhook is answered: the answer is
 * the ticketing system's sign that it need not send again, so it is only given once the delivery
 * is committed. A store that fails throws OutboxUnavailable, which the webhook door answers with a
 * status the systems retry.
 */
export class DeliveryIntake {
  constructor(private readonly options: IntakeOptions) {}

  configured(system: System): boolean {
    return this.options.systems.has(system);
  }

  async record(system: System, { ticket, noteBlocks, tags, writeBack }: WriteBackRecord): Promise<Receipt> {
    const { outbox, giveUpMs, queued, now = Date.now } = this.options;
    const at = now();
    let receipt: Receipt;
    try {
      receipt = await outbox.enqueue({ id: crypto.randomUUID(), system, ticket, key: deliveryKey(system, ticket, noteBlocks, tags), requests: writeBack }, at, at + giveUpMs);
    } catch (error) {
      throw new OutboxUnavailable(`The write-back could not be recorded (${(error as Error).message}); send the webhook again.`);
    }
    if (!receipt.duplicate) queued?.(system);
    return receipt;
  }
}
