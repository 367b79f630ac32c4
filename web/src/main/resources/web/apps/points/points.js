// What every points page shares: the token (?token=0x… in the address, remembered in this browser) and the relayer
// the node runs for it (points_relayerConfig, points_relay: same origin, as the pages' CSP requires), the token's events read with eth_getLogs, the few ABI
// shapes the pages use, and signing (/assets/wallet.js): the browser's wallet (an injected EIP-1193 provider) when it
// has one, and the page never sees a key; otherwise, on a dev chain, the node for its own accounts (eth_accounts,
// eth_sendTransaction, eth_signTypedData_v4). Holders never pay gas: they sign ERC-2771 ForwardRequests that the relayer submits.
import { call, RpcError } from '../../assets/rpc.js';
import { signTypedData, transact as send } from '../../assets/wallet.js';

export const $ = (id) => document.getElementById(id);
const KEY = 'stele.points.token';
export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const ZERO = '0x0000000000000000000000000000000000000000';

const SELECTORS = {
  'transfer(address,uint256)': '0xa9059cbb',
  'balanceOf(address)': '0x70a08231',
  'issue(address,uint256,string)': '0xebf469dc',
  'redeem(address,uint256,string)': '0xb1cd221a',
  'nonces(address)': '0x7ecebe00',
};
const TOPICS = {
  '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef': 'Transfer',
  '0x03236e23c36328c25c9bb3cef86303af8ba80b60962362f1f0685c8be0ace655': 'Issued',
  '0x81b1bce0cc843f526fddf5d369c650e9d717cd811d8e08654ab113d3ea464a0e': 'Redeemed',
};

const ERRORS = {
  '0x1c945826': 'IssuerCapExceeded(address,uint256,uint256,uint256)',
  '0xe2517d3f': 'AccessControlUnauthorizedAccount(address,bytes32)',
  '0x1f2a2005': 'ZeroAmount()',
  '0xd92e233d': 'ZeroAddress()',
  '0xd93c0665': 'EnforcedPause()',
  '0x7a0686ba': 'NotAMerchant(address)',
  '0xe450d38c': 'ERC20InsufficientBalance(address,uint256,uint256)',
  '0xec442f05': 'ERC20InvalidReceiver(address)',
  '0x728790e1': 'CapBelowIssued(address,uint256,uint256)',
};

/** A revert's custom error as text, e.g. IssuerCapExceeded(0x…, 10, 0, 11); null when it is none of the token's. */
export function decodeError(data) {
  if (typeof data !== 'string' || data.length < 10) return null;
  const signature = ERRORS[data.slice(0, 10)];
  if (!signature) return null;
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  const body = data.slice(10);
  const args = types.map((type, i) => {
    const w = body.slice(i * 64, i * 64 + 64);
    if (type === 'address') return `0x${w.slice(24)}`;
    if (type === 'bytes32') return `0x${w}`;
    return BigInt(`0x${w}`).toString();
  });
  return `${signature.slice(0, signature.indexOf('('))}(${args.join(', ')})`;
}

/** The token these pages show: from ?token=, else the last one used here; null when none is known. */
export function tokenAddress() {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl && ADDRESS.test(fromUrl)) {
    localStorage.setItem(KEY, fromUrl.toLowerCase());
    return fromUrl.toLowerCase();
  }
  const kept = localStorage.getItem(KEY);
  return kept && ADDRESS.test(kept) ? kept : null;
}

/** Points the navigation links at the same token. */
export function wireNav() {
  for (const a of document.querySelectorAll('a[data-page]')) {
    a.href = `${a.dataset.page}?${new URLSearchParams({ token: tokenAddress() ?? '' })}`;
  }
}

let configured;
/**
 * { chainId, token, forwarder, operator, domain, rate } from the node's relayer (points_relayerConfig: the pages
 * reach it on their own origin, as their Content-Security-Policy requires); throws a one-line error.
 */
export async function config() {
  if (configured) return configured;
  const token = tokenAddress();
  if (!token) throw new Error('no token: open this page with ?token=0x… (the issuer publishes it)');
  try {
    configured = await call('points_relayerConfig', [token]);
  } catch (e) {
    if (e instanceof RpcError && e.code === -32601) throw new Error('this node runs no points relayer (docs/points.md)');
    throw new Error(e.message);
  }
  return configured;
}

/** Shows one line of status: kind is 'ok', 'fail' or '' (working). */
export function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `status ${kind}`;
}

export const short = (hex) => (hex ? `${hex.slice(0, 8)}…${hex.slice(-6)}` : '');

/** Whole points typed by a person; throws a one-line error when it is not a positive whole number. */
export function parsePoints(text) {
  const t = String(text).trim();
  if (!/^\d{1,30}$/.test(t) || BigInt(t) === 0n) throw new Error(`"${t}" is not a number of points (a whole number above 0)`);
  return BigInt(t);
}

const word = (v) => BigInt.asUintN(256, BigInt(v)).toString(16).padStart(64, '0');
const addressWord = (a) => {
  if (!ADDRESS.test(a)) throw new Error(`not an address: ${a}`);
  return a.slice(2).toLowerCase().padStart(64, '0');
};
const utf8 = new TextEncoder();

/** Calldata of one of SELECTORS' functions; args are addresses, numbers and (last) strings. */
export function encode(signature, ...args) {
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  let head = '';
  let tail = '';
  types.forEach((type, i) => {
    if (type === 'string') {
      const body = Array.from(utf8.encode(args[i]), (b) => b.toString(16).padStart(2, '0')).join('');
      head += word(32 * types.length + tail.length / 2);
      tail += word(body.length / 2) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
    } else head += type === 'address' ? addressWord(args[i]) : word(args[i]);
  });
  return SELECTORS[signature] + head + tail;
}

function decodeString(data, offsetWord) {
  const at = Number(BigInt(`0x${data.slice(offsetWord * 64, offsetWord * 64 + 64)}`)) * 2;
  const length = Number(BigInt(`0x${data.slice(at, at + 64)}`));
  const hex = data.slice(at + 64, at + 64 + length * 2);
  return new TextDecoder().decode(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
}

/** The token's Transfer, Issued and Redeemed events, in chain order, with block and transaction. */
export async function events() {
  const { token } = await config();
  const logs = await call('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address: token }]);
  const out = [];
  for (const log of logs) {
    const name = TOPICS[log.topics[0]];
    if (!name) continue;
    const data = log.data.slice(2);
    const a1 = `0x${log.topics[1].slice(26)}`;
    const a2 = `0x${log.topics[2].slice(26)}`;
    const amount = BigInt(`0x${data.slice(0, 64)}`);
    const e = { event: name, block: Number(BigInt(log.blockNumber)), logIndex: Number(BigInt(log.logIndex)),
      transaction: log.transactionHash, amount };
    if (name === 'Transfer') Object.assign(e, { from: a1, to: a2 });
    if (name === 'Issued') Object.assign(e, { issuer: a1, holder: a2, ref: decodeString(data, 1) });
    if (name === 'Redeemed') Object.assign(e, { merchant: a1, holder: a2, ref: decodeString(data, 1) });
    out.push(e);
  }
  return out.sort((a, b) => a.block - b.block || a.logIndex - b.logIndex);
}

export const isMint = (e) => e.event === 'Transfer' && e.from === ZERO;
export const isBurn = (e) => e.event === 'Transfer' && e.to === ZERO;

export async function balance(holder) {
  const { token } = await config();
  return BigInt(await call('eth_call', [{ to: token, data: encode('balanceOf(address)', holder) }, 'latest']));
}

// Signing: the browser's wallet when it has one, the node's dev accounts on a dev chain (/assets/wallet.js).
export { fillAccounts, signers } from '../../assets/wallet.js';

/**
 * Gas-free: `from` signs a ForwardRequest (EIP-712) to call `data` on the token, and the relayer submits it. Resolves
 * to { transaction, block } once mined; throws the relayer's one-line refusal (a would-be revert names the token's
 * error).
 */
export async function relay(from, data) {
  const c = await config();
  const nonce = BigInt(await call('eth_call', [{ to: c.forwarder, data: encode('nonces(address)', from) }, 'latest']));
  const head = await call('eth_getBlockByNumber', ['latest', false]);
  const message = { from, to: c.token, value: '0', gas: '120000', nonce: nonce.toString(),
    deadline: Number(BigInt(head.timestamp)) + 600, data };
  const typed = {
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
      ForwardRequest: [{ name: 'from', type: 'address' }, { name: 'to', type: 'address' },
        { name: 'value', type: 'uint256' }, { name: 'gas', type: 'uint256' }, { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint48' }, { name: 'data', type: 'bytes' }],
    },
    primaryType: 'ForwardRequest',
    domain: c.domain,
    message,
  };
  let signature;
  try {
    signature = await signTypedData(from, typed);
  } catch (e) {
    throw new Error(`not signed: ${e instanceof RpcError ? e.message : e.message ?? e}`);
  }
  try {
    return await call('points_relay', [{ request: message, signature }]);
  } catch (e) {
    // The request left the page: with no answer it may still have been relayed, and sending it again would pay twice.
    if (e instanceof RpcError && e.unreachable) {
      throw new Error(`the node at ${location.host} stopped answering while relaying, so the transfer may have gone `
        + 'through: check that the node runs, and when it is back look at the history before sending again');
    }
    throw new Error(`refused: ${e.message}`);
  }
}

/** An ordinary transaction to the token from `from` (an issuer pays its own gas): eth_call first, then sent. */
export async function transact(from, data) {
  const { token } = await config();
  return send({ from, to: token, data }, decodeError);
}

/** An element with text and an optional class. */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Shows the token form when no token is known or the node cannot relay for it; answers whether the pages can go on. */
export async function ready(section, status) {
  try {
    await config();
    return true;
  } catch (e) {
    section.hidden = false;
    if (status) say(status, e.message, 'fail');
    return false;
  }
}
