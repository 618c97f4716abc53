/**
 * Stops an HTTP server without losing a request it has accepted, and without waiting out
 * keep-alive timeouts.
 *
 * Node's own `server.close()` answers a request that arrives later on an open connection, but
 * with `Connection: keep-alive`, so the connection (and the shutdown) lingers until the client or
 * `keepAliveTimeout` closes it. Here the listener closes one event-loop turn after the call (so
 * connections the kernel already queued are accepted, not reset), every later response says
 * `Connection: close` and its socket is ended after it, idle keep-alive connections are dropped at
 * once, and a connection that has not sent a request yet gets `firstRequestGraceMs` to do so.
 */
import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

interface Tracked {
  /** Requests on this socket whose response has not finished. */
  inFlight: number;
  /** It has served at least one request (so "idle" means between keep-alive requests). */
  served: boolean;
}

export interface CloseOptions {
  /** How long a connection that has not sent a whole request yet is given to do so. */
  firstRequestGraceMs?: number;
  /** Called once the listener is closed (new connections are refused from here on). */
  onStopAccepting?: (counts: { connections: number; requests: number }) => void;
}

export interface GracefulCloser {
  /** Open connections, and requests on them that have not been answered. */
  counts(): { connections: number; requests: number };
  /** Stops accepting, drains; resolves once every connection has closed. */
  close(options?: CloseOptions): Promise<void>;
  /** Drops every remaining connection (for a shutdown that ran out of time). */
  destroyAll(): void;
}

export function trackConnections(server: Server): GracefulCloser {
  const sockets = new Map<Socket, Tracked>();
  let closing = false;

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { inFlight: 0, served: false });
    socket.once('close', () => sockets.delete(socket));
  });
  server.prependListener('request', (request, response) => {
    const tracked = sockets.get(request.socket);
    if (!tracked) return;
    tracked.inFlight += 1;
    if (closing) response.setHeader('connection', 'close');
    response.once('close', () => {
      tracked.inFlight -= 1;
      tracked.served = true;
      if (closing && tracked.inFlight === 0) request.socket.end();
    });
  });

  const counts = () => {
    let requests = 0;
    for (const tracked of sockets.values()) requests += tracked.inFlight;
    return { connections: sockets.size, requests };
  };

  const dropIdle = (includeSilent: boolean) => {
    for (const [socket, tracked] of sockets) {
      if (tracked.inFlight === 0 && (tracked.served || includeSilent)) socket.destroy();
    }
  };

  return {
    counts,
    async close({ firstRequestGraceMs = 1_000, onStopAccepting }: CloseOptions = {}) {
      closing = true;
      // Let this turn of the event loop accept what the kernel has already queued: closing the
      // listener first would reset those connections, though their clients saw them established.
      await new Promise((resolve) => setImmediate(resolve));
      const closed = new Promise<void>((resolve) => {
        // net.Server's close: stop listening, call back once the last connection is gone.
        NetServer.prototype.close.call(server, () => resolve());
      });
      onStopAccepting?.(counts());
      dropIdle(false);
      const silent = setTimeout(() => dropIdle(true), firstRequestGraceMs);
      silent.unref();
      return closed.finally(() => clearTimeout(silent));
    },
    destroyAll() {
      for (const socket of sockets.keys()) socket.destroy();
    },
  };
}
