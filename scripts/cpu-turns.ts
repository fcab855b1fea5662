import autocannon from 'autocannon';
import { cpuTicks, type ServiceProcess } from '../harness/service-process';

/** One side of a comparison: a service process and the requests it is loaded with. */
export interface Contender {
  name: string;
  server: ServiceProcess;
  requests: autocannon.Request[];
}

/**
 * CPU time per request, which this shared 2-core machine lets vary less than throughput: the
 * contenders take turns under the same load (autocannon, 50 connections, `amount` requests a
 * turn) after a warm-up turn each, and each server process's own CPU time (from /proc) is divided
 * by the requests it answered. Returns the microseconds of every turn, by contender.
 */
export async function cpuTurns(contenders: Contender[], turns: number, amount: number): Promise<Map<string, number[]>> {
  const load = ({ server, requests }: Contender) =>
    new Promise<autocannon.Result>((resolve, reject) => autocannon({ url: server.url, connections: 50, amount, requests }, (e, r) => (e ? reject(e as Error) : resolve(r))));
  for (const contender of contenders) await load(contender); // warm-up
  const micros = new Map<string, number[]>(contenders.map(({ name }) => [name, []]));
  for (let turn = 0; turn < turns; turn += 1) {
    // Alternate the order, so that no contender always meets the machine in the same state.
    for (const contender of turn % 2 ? [...contenders].reverse() : contenders) {
      const before = cpuTicks(contender.server.child.pid!);
      const result = await load(contender);
      micros.get(contender.name)!.push(((cpuTicks(contender.server.child.pid!) - before) * 10_000) / result.requests.total);
    }
  }
  return micros;
}

/** Prints each contender's median and turns. */
export function printCpuTurns(title: string, micros: Map<string, number[]>): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const width = Math.max(...[...micros.keys()].map((name) => name.length));
  console.log(title);
  for (const [name, xs] of micros) console.log(`  ${name.padEnd(width)}  median ${median(xs).toFixed(1).padStart(6)}   turns: ${xs.map((x) => x.toFixed(0)).join(' ')}`);
}
