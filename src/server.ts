import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './api/app';
import type { Config } from './config';
import { Diagnoser } from './engine/diagnose';
import { loadKnowledgeBase, type KnowledgeBase } from './kb/load';

export interface RunningService {
  server: Server;
  kb: KnowledgeBase;
  /** e.g. http://127.0.0.1:3000 */
  url: string;
}

/**
 * Loads the knowledge base, then listens. Loading comes first and throws on any fault, so a
 * service with an invalid knowledge base never accepts a request.
 */
export async function startService(config: Config): Promise<RunningService> {
  const kb = loadKnowledgeBase(config.rulesDir);
  const served = { kb, diagnoser: new Diagnoser(kb) };
  const app = createApp({ serving: () => served, zendeskSecret: config.zendeskSecret });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return { server, kb, url: `http://${host}:${port}` };
}
