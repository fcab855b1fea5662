import crypto from 'node:crypto';

/**
 * Checks X-Zendesk-Webhook-Signature: base64 HMAC-SHA256, keyed with the webhook's signing
 * secret, of X-Zendesk-Webhook-Signature-Timestamp followed by the raw body. Constant-time.
 */
export function validZendeskSignature(secret: string, signature: string | undefined, timestamp: string | undefined, rawBody: Buffer): boolean {
  if (!signature || !timestamp) return false;
  const expected = crypto.createHmac('sha256', secret).update(timestamp).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
