// What the identity pages ask of the chain, through the node that served them (/assets/rpc.js, same origin as the
// pages' CSP requires): the chain id, the three contracts in every genesis (the ERC-1056 registry, StatusLists,
// TrustRegistry; docs/identity.md), their calls encoded here (selectors computed with keccak-256, no table to go
// stale), and transactions through /assets/wallet.js: the browser's wallet (an injected EIP-1193 provider) signs when
// there is one, and the page never sees the account's key; otherwise, on a dev chain, the node signs for its accounts.
import { call } from '../../assets/rpc.js';
import { signers as walletSigners, transact as walletTransact } from '../../assets/wallet.js';
import { keccak_256 } from './noble.js';
import { hex } from './sdjwt.js';

export const REGISTRY = '0xdca7ef03e98e0dc2b855be647c39abe984fcf21b';
export const STATUS_LISTS = '0x0000000000000000000000000000000000005100';
export const TRUST_REGISTRY = '0x0000000000000000000000000000000000005101';
export const LIST_SIZE = 131072;
export const PURPOSES = { revocation: 0, suspension: 1 };
export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

const utf8 = new TextEncoder();
export const $ = (id) => document.getElementById(id);
export const keccakHex = (text) => `0x${hex(keccak_256(typeof text === 'string' ? utf8.encode(text) : text))}`;
const selector = (signature) => keccakHex(signature).slice(0, 10);

/** Shows one line of status: kind is 'ok', 'fail' or '' (working). */
export function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `status ${kind}`;
}

/** An element with text and an optional class. */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

export const short = (text) => (text && text.length > 20 ? `${text.slice(0, 14)}…${text.slice(-6)}` : text ?? '');

let chain;
export async function chainId() {
  chain ??= BigInt(await call('eth_chainId'));
  return chain;
}

const word = (v) => BigInt.asUintN(256, BigInt(v)).toString(16).padStart(64, '0');
function addressWord(a) {
  if (!ADDRESS.test(a)) throw new Error(`not an address: ${a}`);
  return a.slice(2).toLowerCase().padStart(64, '0');
}
/** A short ASCII name as ERC-1056 names delegate types: right-padded to 32 bytes ("veriKey"). */
const bytes32 = (text) => hex(utf8.encode(text)).padEnd(64, '0');

/**
 * Calldata: args are addresses ('address'), numbers ('uint…'), booleans, bytes32 (0x + 64 hex digits, or a short
 * name) and strings (dynamic).
 */
export function encode(signature, ...args) {
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  let head = '';
  let tail = '';
  types.forEach((type, i) => {
    if (type === 'string') {
      const body = hex(utf8.encode(args[i]));
      head += word(32 * types.length + tail.length / 2);
      tail += word(body.length / 2) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
    } else if (type === 'address') head += addressWord(args[i]);
    else if (type === 'bytes32') head += /^0x[0-9a-fA-F]{64}$/.test(args[i]) ? args[i].slice(2) : bytes32(args[i]);
    else if (type === 'bool') head += word(args[i] ? 1 : 0);
    else head += word(args[i]);
  });
  return selector(signature) + head + tail;
}

const ERRORS = [
  'NotIssuer(address,address)', 'UnknownPurpose(uint8)', 'IndexNotAllocated(address,uint256,uint256)',
  'RevocationIsFinal(address,uint256)', 'StatusUnchanged(address,uint8,uint256,bool)',
  'NotIdentityOwner(address,address)', 'IdentityDeactivated(address)', 'InvalidSignature(address)',
  'NotAuthority(address)', 'NoSchema(string)', 'AlreadyAdmitted(address,string)', 'NotAdmitted(address,string)',
];
const BY_SELECTOR = new Map(ERRORS.map((e) => [selector(e), e]));

/** A revert's custom error as text, e.g. NotIssuer(0x…, 0x…); null when it is none of the identity contracts'. */
export function decodeError(data) {
  if (typeof data !== 'string' || data.length < 10) return null;
  const signature = BY_SELECTOR.get(data.slice(0, 10));
  if (!signature) return null;
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  const body = data.slice(10);
  const args = types.map((type, i) => {
    const w = body.slice(i * 64, i * 64 + 64);
    if (type === 'address') return `0x${w.slice(24)}`;
    if (type === 'bool') return String(BigInt(`0x${w}`) !== 0n);
    if (type === 'string') return '…';
    return BigInt(`0x${w}`).toString();
  });
  return `${signature.slice(0, signature.indexOf('('))}(${args.join(', ')})`;
}

/** eth_call at the latest block; answers the result's 32-byte words as BigInts. */
export async function read(to, data) {
  const result = await call('eth_call', [{ to, data }, 'latest']);
  const body = result.slice(2);
  return Array.from({ length: Math.floor(body.length / 64) }, (_, i) => BigInt(`0x${body.slice(i * 64, i * 64 + 64)}`));
}

export const identityOwner = async (identity) =>
  `0x${(await read(REGISTRY, encode('identityOwner(address)', identity)))[0].toString(16).padStart(40, '0')}`;
export const validDelegate = async (identity, type, delegate) =>
  (await read(REGISTRY, encode('validDelegate(address,bytes32,address)', identity, type, delegate)))[0] !== 0n;
/** When a delegate's validity ends (seconds; 0 when it never was one): the registry's delegates mapping. */
export async function delegateUntil(identity, type, delegate) {
  const typeHash = keccakHex(Uint8Array.from(bytes32(type).match(/../g), (h) => parseInt(h, 16)));
  return Number((await read(REGISTRY, encode('delegates(address,bytes32,address)', identity, typeHash, delegate)))[0]);
}
export const trustedAt = async (issuer, type, seconds) =>
  (await read(TRUST_REGISTRY, encode('trustedAt(address,string,uint256)', issuer, type, seconds)))[0] !== 0n;
export const isSet = async (issuer, purpose, index) =>
  (await read(STATUS_LISTS, encode('isSet(address,uint8,uint256)', issuer, PURPOSES[purpose], index)))[0] !== 0n;

/** { kind: 'wallet' | 'dev' | 'none', accounts: [...] }: who can send this page's transactions (/assets/wallet.js). */
export const signers = walletSigners;

/** A transaction from `from` (its own gas): eth_call first, so that a refusal is named, then sent; the receipt. */
export const transact = (from, to, data) => walletTransact({ from, to, data }, decodeError);
