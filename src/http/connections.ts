/**
 * The server's connections: timeouts and a cap that keep slow or silent clients from holding them, and
 * a graceful stop.
 *
 * Node's own `server.close()` destroys at once every kept-alive connection between two requests,
 * including one whose next request has arrived but is still unread because the event loop was busy:
 * that client saw its connection reset. Here listening stops without that, and connections are closed
 * only once the loop has read what they hold and they are idle; what is still open after the stop's
 * time limit is closed anyway, so a client that never reads cannot hold the stop.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** How long clients may take, and how many connections may be open. */
export interface ConnectionLimits {
  /** Until a request's headers have all arrived. */
  headersTimeoutMs: number;
  /** Until a whole request (headers and body) has arrived. */
  bodyTimeoutMs: number;
  /** A kept-alive connection with no request. */
  idleTimeoutMs: number;
  /** A connection on which nothing moves either way (a client that stopped reading its answer). */
  stallTimeoutMs: number;
  /** Connections open at once; past it the oldest one not being answered is closed for the new one. */
  maxConnections: number;
  /** How long a graceful stop waits for requests before closing what is left. */
  stopTimeoutMs: number;
}

/** The options `http.createServer` takes for these limits. */
export const serverOptions = (limits: ConnectionLimits) => ({
  headersTimeout: limits.headersTimeoutMs,
  requestTimeout: limits.bodyTimeoutMs,
  keepAliveTimeout: limits.idleTimeoutMs,
  // Node checks the header and body time limits this often (30 s by default, far longer than the limits).
  connectionsCheckingInterval: 1_000,
});

/** How often open connections are looked over while stopping. */
const SWEEP_MS = 250;
/** A connection that has sent nothing may still do so for this long after stopping began; after that it is closed. */
const FIRST_REQUEST_GRACE_MS = 5_000;
/** Connections that already completed their handshake wait in the kernel's queue; this moment lets the server accept them before it stops listening. */
const ACCEPT_QUEUED_MS = 100;

interface Connection {
  /** Requests on it being answered now. */
  active: number;
  /** It has been answered at least once: idle now means idle between requests. */
  served: boolean;
}

/**
 * Watches `server`'s connections from now on, holding them to `limits`; the function returned stops it
 * gracefully within `limits.stopTimeoutMs`.
 */
export function guardConnections(server: Server, limits: ConnectionLimits): () => Promise<void> {
  // In the order they opened: the first one not being answered is the one to shed.
  const connections = new Map<Socket, Connection>();
  let stoppingSince: number | undefined;
  // Node applies the server's time limit to every socket again after each request (its keep-alive time
  // replaces a socket's own); with no 'timeout' listener a socket that stalls is destroyed.
  server.setTimeout(limits.stallTimeoutMs);
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { active: 0, served: false });
    socket.once('close', () => connections.delete(socket));
    if (connections.size > limits.maxConnections) shed();
  });
  // Ahead of the routes, so that an answer sent at once still tells the client the connection closes.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (stoppingSince !== undefined) res.setHeader('connection', 'close');
    const connection = connections.get(req.socket);
    if (!connection) return;
    connection.active++;
    res.once('close', () => {
      connection.active--;
      connection.served = true;
    });
  });

  /** Closes the oldest connection that is not being answered: one still sending its headers, or idle. */
  const shed = () => {
    for (const [socket, { active }] of connections) {
      if (active > 0) continue;
      socket.destroy();
      return;
    }
  };

  const closeIdle = () => {
    const overdue = Date.now() - stoppingSince! > limits.stopTimeoutMs;
    for (const [socket, { active, served }] of connections)
      if (overdue || (active === 0 && (served || Date.now() - stoppingSince! > FIRST_REQUEST_GRACE_MS))) socket.destroy();
  };

  return async () => {
    stoppingSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, ACCEPT_QUEUED_MS));
    // Timers run before the loop polls: the immediate makes sure one poll (accepting, reading) came after the moment.
    await new Promise((resolve) => setImmediate(resolve));
    // The looking-over runs after the loop has read what sockets hold (an immediate follows the poll
    // phase), so a request that arrived while the loop was busy counts as active, not idle.
    const sweep = setInterval(() => setImmediate(closeIdle), SWEEP_MS);
    try {
      await new Promise<void>((resolve, reject) =>
        // net's close stops listening and calls back once every connection has ended; http's would first destroy the idle ones.
        NetServer.prototype.close.call(server, (error?: Error) => (error ? reject(error) : resolve())),
      );
    } finally {
      clearInterval(sweep);
    }
  };
}
