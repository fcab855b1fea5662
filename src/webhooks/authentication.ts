import crypto from 'node:crypto';

// Each ticketing system authenticates its webhooks its own way: Zendesk signs them, Jira's admin
// webhooks sign them with a secret (they cannot send an API key), and ServiceNow's REST messages
// send what they are told: a header, or basic auth. Every comparison is of SHA-256 digests in
// constant time, so that no secret leaks through how long a wrong one takes to refuse.

const digest = (value: Buffer | string) => crypto.createHash('sha256').update(value).digest();
const sameInConstantTime = (given: Buffer | string, expected: Buffer | string) => crypto.timingSafeEqual(digest(given), digest(expected));

/**
 * X-Zendesk-Webhook-Signature: base64 HMAC-SHA256, keyed with the webhook's signing secret, of
 * X-Zendesk-Webhook-Signature-Timestamp followed by the raw body. Returns why it is refused, or
 * undefined when it holds: the signature must match and the timestamp (ISO 8601, as Zendesk sends
 * it) be within `maxAgeMs` of now, so that a captured request cannot be replayed later.
 */
export function zendeskRefusal(secret: string, signature: string | undefined, timestamp: string | undefined, rawBody: Buffer, maxAgeMs: number, now = Date.now()): string | undefined {
  if (!signature || !timestamp) return 'X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are required.';
  const expected = crypto.createHmac('sha256', secret).update(timestamp).update(rawBody).digest();
  if (!sameInConstantTime(Buffer.from(signature, 'base64'), expected)) return 'X-Zendesk-Webhook-Signature does not match the body and X-Zendesk-Webhook-Signature-Timestamp.';
  const at = Date.parse(timestamp);
  if (Number.isNaN(at) || Math.abs(now - at) > maxAgeMs) return `X-Zendesk-Webhook-Signature-Timestamp is more than ${maxAgeMs / 1000} s from the service's clock: a replayed or delayed request.`;
  return undefined;
}

/**
 * X-Hub-Signature as Jira's admin webhooks send it when given a secret: `sha256=` and the hex
 * HMAC-SHA256 of the raw body, keyed with the secret.
 */
export function jiraRefusal(secret: string, header: string | undefined, rawBody: Buffer): string | undefined {
  if (!header) return 'X-Hub-Signature is required: set the secret on the Jira webhook.';
  const expected = `sha256=${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  return sameInConstantTime(header, expected) ? undefined : 'X-Hub-Signature does not match the body.';
}

/**
 * ServiceNow's REST message with the shared secret in X-Webhook-Secret, or in basic auth as the
 * password (a basic auth profile; the user name is not checked).
 */
export function serviceNowRefusal(secret: string, header: string | undefined, authorization: string | undefined): string | undefined {
  const basic = /^Basic (.+)$/i.exec(authorization ?? '')?.[1];
  const password = basic === undefined ? undefined : Buffer.from(basic, 'base64').toString('utf8').split(':').slice(1).join(':');
  const given = header ?? password;
  if (given === undefined) return 'Send the shared secret in X-Webhook-Secret, or as the basic auth password.';
  return sameInConstantTime(given, secret) ? undefined : 'The shared secret does not match.';
}
