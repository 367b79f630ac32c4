// JSON-RPC to the node that served the page: plain fetch and WebSocket, no library. Every page of the explorer and
// the applications talks to its node through this module, so errors read the same everywhere.

/** A JSON-RPC error answer, or an HTTP failure (code = the HTTP status). */
export class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

let nextId = 1;

/** Calls one method on the node that served this page and returns its result; throws RpcError. */
export async function call(method, params = []) {
  let response;
  try {
    response = await fetch('/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params }),
    });
  } catch (e) {
    throw new RpcError(0, `the node cannot be reached (${e.message})`);
  }
  if (!response.ok) throw new RpcError(response.status, `the node answered HTTP ${response.status}`);
  const answer = await response.json();
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
