import type { DeliveryReceipt } from '../contract/schemas';
import type { Receipt } from './outbox';

/** What a webhook's answer says of its delivery. */
export function deliveryReceipt({ delivery, duplicate }: Receipt): DeliveryReceipt {
  return { id: delivery.id, state: delivery.state, duplicate };
}
