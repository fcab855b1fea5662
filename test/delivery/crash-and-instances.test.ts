import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/store';
import { startServiceProcess, type ServiceProcess } from '../../harness/service-process';
import { builtProject } from '../support/built-project';
import { eventually } from '../support/eventually';
import { freshDatabase } from '../support/postgres';
import { TicketingStandIn } from '../../harness/ticketing-stand-in';

// The real process, for what only a process shows: a kill -9 in the middle of retries, and two
// instances sharing one PostgreSQL outbox.
jest.setTimeout(120_000);

// No request may time out in these tests: a request that timed out may have been applied, and is
// sent again (delivery.test.ts shows it), so a timeout would be a second write the product does
// not promise to avoid. A 500 ms timeout did time out here, on a loaded 2-core machine running two
// services, PostgreSQL and jest: the first request of a process, and requests at a busy moment.
const QUICK = { LOG_LEVEL: 'silent', PORT: '0', DELIVERY_FIRST_RETRY_MS: '20', DELIVERY_LONGEST_RETRY_MS: '100', DELIVERY_POLL_MS: '20', ANNOTATION_THREADS: '0' };
// From the run's build of the sources under test (see built-project.ts), as `npm start` runs it.
const start = (env: Record<string, string>) => startServiceProcess(path.join(builtProject(), 'dist/main.js'), { env: { ...QUICK, ...env }, cwd: builtProject() });
const stop = async ({ child }: ServiceProcess, signal: NodeJS.Signals) => {
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
};

it('when the service is killed (SIGKILL) while it retries, then after a restart every webhook it acknowledged is delivered, once', async () => {
  const zendesk = await TicketingStandIn.start('zendesk');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-crash-'));
  // 5 s: no request near it, and the leases of the deliveries in flight at the kill (two timeouts
  // and a second) run out within the test.
  const env = { DATA_DIR: dataDir, DELIVERY_TIMEOUT_MS: '5000', ...zendesk.env() };
  zendesk.failAlways({ status: 503 });
  let service = await start(env);
  try {
    const tickets = Array.from({ length: 20 }, (_, i) => 100 + i);
    for (const id of tickets) {
      const res = await fetch(`${service.url}/v1/webhooks/zendesk`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticket: { id, description: 'Outlook 2003 cannot connect through our NAT firewall.' } }),
      });
      expect(res.status).toBe(200);
    }
    // Every delivery has failed at least once, and more are in flight.
    await zendesk.requestCount(60);
    await stop(service, 'SIGKILL');
    zendesk.failAlways(undefined);
    service = await start(env);
    await zendesk.appliedCount(tickets.length);
    for (const id of tickets) expect(zendesk.writes(String(id))).toHaveLength(1);
    // Recorded as delivered, and nothing more sent after that.
    const delivered = async () => ((await (await fetch(`${service.url}/v1/deliveries?state=delivered&limit=100`)).json()) as { deliveries: unknown[] }).deliveries.length;
    await eventually('every delivery recorded as delivered', async () => (await delivered()) === tickets.length);
    expect(zendesk.applied).toHaveLength(tickets.length);
  } finally {
    await stop(service, 'SIGTERM');
    await zendesk.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

it('when two instances share one PostgreSQL outbox, then 1,000 queued deliveries are each sent exactly once between them', async () => {
  const servicenow = await TicketingStandIn.start('servicenow');
  const database = await freshDatabase();
  // The default request timeout (DELIVERY_TIMEOUT_MS, 30 s), as the service ships.
  const env = { DATABASE_URL: database.url, DATA_DIR: os.tmpdir(), ...servicenow.env() };
  const instances = await Promise.all([start(env), start(env)]);
  const store = await openStore({ dataDir: os.tmpdir(), databaseUrl: database.url });
  try {
    const now = Date.now();
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: `d${i}`,
      system: 'servicenow' as const,
      ticket: `t${i}`,
      key: `servicenow:t${i}:k`,
      requests: [{ method: 'PATCH' as const, path: `/api/now/table/incident/t${i}`, body: { work_notes: `note ${i}` } }],
    }));
    // A hundred at a time: all at once, they queue for the store's ten connections, and on a loaded machine the last could wait past its 5 s connect timeout.
    for (let i = 0; i < rows.length; i += 100) await Promise.all(rows.slice(i, i + 100).map((row) => store.outbox.enqueue(row, now, now + 3_600_000)));
    await servicenow.appliedCount(rows.length);
    const perTicket = new Map<string, number>();
    for (const { ticket } of servicenow.applied) perTicket.set(ticket, (perTicket.get(ticket) ?? 0) + 1);
    expect(perTicket.size).toBe(rows.length);
    expect([...perTicket.values()].every((count) => count === 1)).toBe(true);
    // Recorded as delivered by both instances between them.
    const counts = async () => (await store.outbox.counts()).find((c) => c.state === 'delivered')?.count ?? 0;
    await eventually('every delivery recorded as delivered', async () => (await counts()) === rows.length);
    const byInstance = new Map<string, number>();
    let slowest = 0;
    for (const row of rows) {
      const { attempts } = (await store.outbox.get(row.id))!;
      expect(attempts).toHaveLength(1);
      byInstance.set(attempts[0]!.instance, (byInstance.get(attempts[0]!.instance) ?? 0) + 1);
      slowest = Math.max(slowest, attempts[0]!.durationMs);
    }
    if (process.env.SHOW_SLOWEST) process.stderr.write(`slowest request: ${slowest} ms\n`);
    expect(byInstance.size).toBe(2);
    expect(servicenow.applied).toHaveLength(rows.length);
  } finally {
    await Promise.all(instances.map((instance) => stop(instance, 'SIGTERM')));
    await store.close();
    await database.drop();
    await servicenow.close();
  }
});
