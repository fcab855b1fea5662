import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Closes an HTTP server gracefully, as a load balancer's client expects: it stops accepting
 * connections, closes at once every connection with no request in it (idle keep-alive ones and
 * those whose request has not fully arrived: a client sending headers slowly would otherwise hold
 * the shutdown until its request timed out), answers the requests in flight, and every later
 * request on their connections, with `Connection: close`, and closes each connection once its
 * response is sent. Resolves true when all were answered within `timeoutMs`; false when the rest
 * had to be cut.
 *
 * `track` must be called on the server before it serves (it follows its connections and requests).
 */
export class GracefulClose {
  private readonly sockets = new Set<Socket>();
  private readonly serving = new Map<Socket, ServerResponse>();
  private closing = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.serving.delete(socket);
      });
    });
    server.on('request', (req, res: ServerResponse) => {
      const socket = req.socket;
      this.serving.set(socket, res);
      if (this.closing) closeAfter(res);
      res.once('finish', () => {
        if (this.serving.get(socket) === res) this.serving.delete(socket);
        // A response that had begun before the close (a stream) was sent keep-alive: end its
        // connection now that it is complete.
        if (this.closing) socket.end();
      });
    });
  }

  close(timeoutMs: number): Promise<boolean> {
    this.closing = true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const socket of this.sockets) socket.destroy();
        resolve(false);
      }, timeoutMs);
      this.server.close(() => {
        clearTimeout(timer);
        resolve(true);
      });
      for (const socket of this.sockets) {
        const res = this.serving.get(socket);
        if (res) closeAfter(res);
        else socket.destroy();
      }
    });
  }
}

/** Asks for the connection to be closed after this response, if it is not already on its way. */
function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
}
