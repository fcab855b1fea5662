// The hostile requests of issue #14, each sent while autocannon loads /healthz and a small
// diagnose: what they take to be answered (or refused), what status they get, and what they do to
// the light requests' latency. Used by `npm run fuzz` (in-process service) and `npm run soak`
// (the service's own process). Loopback only.
import crypto from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

export interface HostileResult {
  name: string;
  status: number | string;
  /**
   * How long it took to be answered. An NDJSON stream is one long request whose lines are
   * answered as they come: for it, the longer of the wait for its first line and the longest wait
   * between two lines (steady progress), with the whole stream's time in `totalMs`.
   */
  ms: number;
  totalMs?: number;
}

export interface HostileReport {
  light: autocannon.Result;
  hostile: HostileResult[];
}

const long = (unit: string, length = 60_000) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
const mixed = long('NAT on the SonicWall, Outlook 2003 cannot connect, port 135 is blocked, server fe80::1 10.0.0.5. ');
const json = (body: unknown) => ({ type: 'application/json', body: Buffer.from(JSON.stringify(body)) });
const rpc = (id: number, args: unknown) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'diagnose', arguments: args } });

interface Hostile {
  name: string;
  path: string;
  type: string;
  body: Buffer;
  headers?: Record<string, string>;
}

/** Every hostile payload, at the size limits of a service with the default settings. */
export function hostilePayloads(zendeskSecret?: string): Hostile[] {
  const zendesk = JSON.stringify({ ticket: { id: 1, subject: 'NAT', description: long('NAT ') } });
  const timestamp = new Date().toISOString();
  const signature = zendeskSecret
    ? crypto
        .createHmac('sha256', zendeskSecret)
        .update(timestamp + zendesk)
        .digest('base64')
    : '';
  const ndjson = Array.from({ length: 16 }, (_, i) => JSON.stringify({ id: `b${i}`, body: mixed })).join('\n');
  const deepAdf = `${'{"type":"p","content":['.repeat(4000)}{"type":"text","text":"x"}${']}'.repeat(4000)}`;
  return [
    { name: 'annotate: 60,000 characters of "NAT "', path: '/v1/annotate', ...json({ ticket: { id: 't', body: long('NAT ') } }) },
    { name: 'annotate: 60,000 characters of addresses after "server"', path: '/v1/annotate', ...json({ ticket: { id: 't', body: `server ${long('fe80::1 ', 59_990)}` } }) },
    {
      name: 'batch: 80 tickets of 60,000 characters (4.8 MB, over the bounds)',
      path: '/v1/annotate/batch',
      ...json({ tickets: Array.from({ length: 80 }, (_, i) => ({ id: String(i), body: mixed })) }),
    },
    {
      name: 'batch: 2 tickets of 50,000 characters (the text bound)',
      path: '/v1/annotate/batch',
      ...json({ tickets: Array.from({ length: 2 }, (_, i) => ({ id: String(i), body: mixed.slice(0, 50_000) })) }),
    },
    {
      name: 'batch: 100 tickets of 1,000 characters (the text bound, read on the event loop)',
      path: '/v1/annotate/batch',
      ...json({ tickets: Array.from({ length: 100 }, (_, i) => ({ id: String(i), body: mixed.slice(0, 1000) })) }),
    },
    {
      name: 'batch: a ticket of 90,000 unknown facts (1 MB)',
      path: '/v1/annotate/batch',
      ...json({ tickets: [{ id: 't', facts: Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`f${i}`, 0])) }] }),
    },
    {
      name: 'batch: a ticket of 330,000 unknown facts (4.5 MB)',
      path: '/v1/annotate/batch',
      ...json({ tickets: [{ id: 't', facts: Object.fromEntries(Array.from({ length: 330_000 }, (_, i) => [`f${i}`, 0])) }] }),
    },
    { name: 'batch: a ticket of 2.5 million bad list items (5 MB)', path: '/v1/annotate/batch', ...json({ tickets: [{ id: 't', facts: { symptoms: Array(2_500_000).fill(0) } }] }) },
    { name: 'diagnose: 50,000 bad list items', path: '/v1/diagnose', ...json({ facts: { symptoms: Array(50_000).fill(0) } }) },
    { name: 'diagnose: 9,000 unknown facts', path: '/v1/diagnose', ...json({ facts: Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`f${i}`, 0])) }) },
    { name: 'mcp: 45,000 bad list items', path: '/mcp', ...json(rpc(1, { facts: { symptoms: Array(45_000).fill(0) } })), headers: { accept: 'application/json, text/event-stream' } },
    { name: 'mcp: a JSON-RPC batch of 101 calls', path: '/mcp', ...json(Array.from({ length: 101 }, (_, i) => rpc(i, { facts: {} }))), headers: { accept: 'application/json, text/event-stream' } },
    {
      name: `zendesk: 60,000 characters${zendeskSecret ? ', signed' : ''}`,
      path: '/v1/webhooks/zendesk',
      type: 'application/json',
      body: Buffer.from(zendesk),
      headers: zendeskSecret ? { 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp } : {},
    },
    {
      name: 'jira: ADF with 60,000 characters of text',
      path: '/v1/webhooks/jira',
      ...json({
        webhookEvent: 'jira:issue_created',
        issue: { id: '1', key: 'H-1', fields: { description: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: long('NAT ') }] }] } } },
      }),
    },
    {
      name: 'jira: ADF content "abc"',
      path: '/v1/webhooks/jira',
      ...json({ webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'H-1', fields: { description: { type: 'doc', content: 'abc' } } } }),
    },
    { name: 'jira: ADF [null]', path: '/v1/webhooks/jira', ...json({ webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'H-1', fields: { description: { type: 'doc', content: [null] } } } }) },
    {
      name: 'jira: ADF nested 4,000 deep',
      path: '/v1/webhooks/jira',
      type: 'application/json',
      body: Buffer.from(`{"webhookEvent":"jira:issue_created","issue":{"id":"1","key":"H-1","fields":{"description":${deepAdf}}}}`),
    },
    {
      name: 'servicenow: 60,000 characters with [code] and markup',
      path: '/v1/webhooks/servicenow',
      ...json({ sys_id: 's', description: long('port 135 [code]<img src=x onerror=y>[/code] blocked\n') }),
    },
    { name: 'ndjson: 16 lines of 60,000 characters', path: '/v1/annotate/batch', type: 'application/x-ndjson', body: Buffer.from(ndjson) },
    { name: 'ndjson: the same, gzipped', path: '/v1/annotate/batch', type: 'application/x-ndjson', body: zlib.gzipSync(ndjson), headers: { 'content-encoding': 'gzip' } },
    { name: 'ndjson: in an encoding it cannot read', path: '/v1/annotate/batch', type: 'application/x-ndjson', body: Buffer.from(ndjson), headers: { 'content-encoding': 'compress' } },
  ];
}

/** Sends one request on a connection of its own and resolves with its status and how long it took. */
function send(url: string, hostile: Hostile): Promise<HostileResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(`${url}${hostile.path}`, { method: 'POST', agent: false, headers: { 'content-type': hostile.type, ...hostile.headers } }, (res) => {
      const streamed = res.headers['content-type']?.startsWith('application/x-ndjson');
      // For a stream: when each line (a chunk ending a line) came, from when the request was sent.
      let lastLine = started;
      let longestWait = 0;
      res.on('data', (chunk: Buffer) => {
        if (!streamed || !chunk.includes(10)) return;
        const now = performance.now();
        longestWait = Math.max(longestWait, now - lastLine);
        lastLine = now;
      });
      res.on('end', () => {
        const totalMs = performance.now() - started;
        resolve({ name: hostile.name, status: res.statusCode!, ms: streamed ? longestWait : totalMs, ...(streamed ? { totalMs } : {}) });
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ name: hostile.name, status: error.code ?? error.message, ms: performance.now() - started }));
    req.end(hostile.body);
  });
}

/** A flood of metrics scrapes (200 at once) and 50 connections that send half their headers and wait. */
async function floods(url: string): Promise<HostileResult[]> {
  const started = performance.now();
  const scrapes = await Promise.all(Array.from({ length: 200 }, () => fetch(`${url}/metrics`).then((res) => res.text().then(() => res.status))));
  const { port } = new URL(url);
  const slow = Array.from({ length: 50 }, () => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Ty'));
    socket.on('error', () => undefined);
    return socket;
  });
  const results: HostileResult[] = [{ name: '200 metrics scrapes at once', status: scrapes.every((s) => s === 200) ? 200 : scrapes.find((s) => s !== 200)!, ms: performance.now() - started }];
  await new Promise((resolve) => setTimeout(resolve, 2000));
  slow.forEach((socket) => socket.destroy());
  results.push({ name: '50 connections sending half their headers, held 2 s', status: 'held', ms: 2000 });
  return results;
}

const light = [
  { path: '/healthz', method: 'GET' as const },
  {
    path: '/v1/diagnose',
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } }),
  },
];

/**
 * Sends every hostile payload, `rounds` times over, one after another, while autocannon loads
 * /healthz and a small diagnose with `connections` connections.
 */
export async function hostileUnderLoad(url: string, options: { rounds?: number; connections?: number; zendeskSecret?: string } = {}): Promise<HostileReport> {
  const payloads = hostilePayloads(options.zendeskSecret);
  let sending = true;
  const hostile: HostileResult[] = [];
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections ?? 10, duration: 600, requests: light }, (error, result) => (error ? reject(error as Error) : resolve(result)));
    void (async () => {
      await new Promise((r) => setTimeout(r, 1000));
      for (let round = 0; round < (options.rounds ?? 3); round += 1) {
        for (const payload of payloads) hostile.push(await send(url, payload));
        hostile.push(...(await floods(url)));
      }
      sending = false;
      instance.stop();
    })();
  });
  const result = await load;
  if (sending) throw new Error('autocannon stopped before the hostile requests were sent');
  return { light: result, hostile };
}

/** The report as lines to print, and whether it meets the targets (light p99 < 100 ms, no 5xx, each hostile request within 1 s). */
export function describeHostile({ light: result, hostile }: HostileReport): { lines: string[]; ok: boolean } {
  const byName = new Map<string, HostileResult[]>();
  for (const r of hostile) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const lines = [
    `light load while the hostile requests ran: ${result.requests.total} requests, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    ...[...byName].map(([name, runs]) =>
      runs.some((r) => r.totalMs !== undefined)
        ? `  ${name}: ${[...new Set(runs.map((r) => r.status))].join('/')}, first line or longest wait between lines ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms (whole stream ${runs.map((r) => (r.totalMs ?? r.ms).toFixed(0)).join(', ')} ms)`
        : `  ${name}: ${[...new Set(runs.map((r) => r.status))].join('/')} in ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms`,
    ),
  ];
  const fiveHundreds = hostile.filter((r) => typeof r.status === 'number' && r.status >= 500);
  const slow = hostile.filter((r) => r.status !== 'held' && r.ms > 1000);
  lines.push(`5xx: ${fiveHundreds.length}; over 1 s: ${slow.length}${slow.length ? ` (${slow.map((r) => `${r.name} ${r.ms.toFixed(0)} ms`).join('; ')})` : ''}`);
  return { lines, ok: result.latency.p99 < 100 && result.non2xx === 0 && result.errors === 0 && fiveHundreds.length === 0 && slow.length === 0 };
}
