// JSON-RPC to the node that served the page: plain fetch and WebSocket, no library. Every page of the explorer and
// the applications talks to its node through this module, so errors read the same everywhere.

/** A JSON-RPC error answer, or an HTTP failure (code = the HTTP status), or no answer at all (code 0). */
export class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }

  /** True when the node did not answer at all (stopped, restarting, or the network between is down). */
  get unreachable() {
    return this.code === 0;
  }
}

/**
 * The line a page shows when the node that served it does not answer. The browser's own text ("Failed to fetch",
 * "NetworkError when attempting to fetch resource") names neither the node nor what to do, so it is not shown.
 */
export function unreachable() {
  return `the node at ${location.host} cannot be reached (it has stopped or the network is down): `
    + 'check that it runs, then try again';
}

/**
 * fetch() on the node that served this page, for its REST endpoints; a request that gets no answer at all throws an
 * RpcError with code 0 and the unreachable() line instead of the browser's TypeError.
 */
export async function nodeFetch(path, init) {
  try {
    return await fetch(path, init);
  } catch {
    throw new RpcError(0, unreachable());
  }
}

let nextId = 1;

/** Calls one method on the node that served this page and returns its result; throws RpcError. */
export async function call(method, params = []) {
  const response = await nodeFetch('/', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
  });
  if (!response.ok) throw new RpcError(response.status, `the node answered HTTP ${response.status}`);
  let answer;
  try {
    answer = await response.json();
  } catch {
    // A proxy's error page or a connection cut while the answer came: the browser's parse error would say neither.
    throw new RpcError(-32700, `the node at ${location.host} sent an answer that is not JSON-RPC: `
      + 'check that the address is the node\'s, then try again');
  }
  if (answer.error) throw new RpcError(answer.error.code, answer.error.message, answer.error.data);
  return answer.result;
}

/**
 * Subscribes over WebSocket (eth_subscribe) and calls onEvent(result) for each notification. The socket is reopened
 * after a drop, with a growing pause; onStatus('live' | 'reconnecting') tells the page. Returns { close() }.
 */
export function subscribe(kind, params, onEvent, onStatus = () => {}) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`;
  let socket;
  let closed = false;
  let pause = 500;
  const open = () => {
    socket = new WebSocket(url);
    socket.onopen = () => {
      pause = 500;
      socket.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_subscribe', params: [kind, ...params] }));
      onStatus('live');
    };
    socket.onmessage = (message) => {
      const data = JSON.parse(message.data);
      if (data.method === 'eth_subscription') onEvent(data.params.result);
    };
    socket.onclose = () => {
      if (closed) return;
      onStatus('reconnecting');
      setTimeout(open, pause);
      pause = Math.min(pause * 2, 10_000);
    };
  };
  open();
  return {
    close() {
      closed = true;
      socket.close();
    },
  };
}

/** A quantity (0x-hex) as a BigInt; null stays null. */
export const quantity = (hex) => (hex === null || hex === undefined ? null : BigInt(hex));
