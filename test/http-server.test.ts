import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createHttpServer } from '../src/http/http-server';

/** Listens, records the prototypes of each request and response as the server built them (before express sees them), and closes. */
async function prototypesSeen(server: Server, send: (url: string) => Promise<Response>): Promise<{ response: Response; request: object | null; built: object | null }> {
  let seen: { request: object | null; built: object | null } | undefined;
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    seen = { request: Reflect.getPrototypeOf(req), built: Reflect.getPrototypeOf(res) };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return { response, ...seen! };
  } finally {
    server.close();
  }
}

describe('the HTTP server for an express app', () => {
  const echoApp = () => {
    const app = express();
    app.use(express.json());
    app.post('/echo', (req, res) => void res.json({ body: req.body as unknown, app: req.app === app, path: req.path, ip: req.ip }));
    return app;
  };

  it("builds requests and responses on the app's own prototypes, so express has nothing to swap", async () => {
    const app = echoApp();
    const seen = await prototypesSeen(createHttpServer(app), (url) => fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":[1]}' }));
    expect(seen.request).toBe(app.request);
    expect(seen.built).toBe(app.response);
  });

  it('answers as the same app on a plain Node server does', async () => {
    const send = (url: string) => fetch(`${url}/echo?x=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":[1]}' });
    const app = echoApp();
    const built = await prototypesSeen(createHttpServer(app), send);
    const plainApp = echoApp();
    const plain = await prototypesSeen(http.createServer(plainApp), send);
    // A plain server's objects start as Node's own, which express then swaps.
    expect(plain.request).toBe(http.IncomingMessage.prototype);
    expect(built.response.status).toBe(200);
    expect(built.response.headers.get('content-type')).toBe(plain.response.headers.get('content-type'));
    expect(await built.response.json()).toEqual({ body: { a: [1] }, app: true, path: '/echo', ip: '127.0.0.1' });
    expect(await plain.response.json()).toEqual({ body: { a: [1] }, app: true, path: '/echo', ip: '127.0.0.1' });
  });

  it('keeps the server options it is given', () => {
    const server = createHttpServer(express(), { requestTimeout: 1234, headersTimeout: 1000 });
    expect(server.requestTimeout).toBe(1234);
    expect(server.headersTimeout).toBe(1000);
  });
});
