import fs from 'node:fs';
import net from 'node:net';

/** A raw connection to a service, to hold it idle or half-sent as a client would. */
export function connect(url: string): Promise<net.Socket> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** The process ids of a cluster's workers: the children of its primary. */
export function workersOf(primary: number): number[] {
  return fs.readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}
