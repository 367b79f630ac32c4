// The ABIs the explorer knows: standard ERC-20/721 events and calls and the ERC-1056 identity registry, written out here
// with names and units for people (keccak-256 of each signature computed with ethers' id(), so that the page needs no
// hashing library), and then every event, function and custom error of Stele's own contracts (governance, the
// applications), from known-abi.js, which tools/solc/compile.js generates from the same build as the contracts.
import * as KNOWN from './known-abi.js';

const word = (data, i) => data.slice(2 + 64 * i, 2 + 64 * (i + 1));
const uint = (data, i) => BigInt(`0x${word(data, i) || '0'}`);
const address = (w) => `0x${w.slice(24)}`;
const topicAddress = (topic) => `0x${topic.slice(26)}`;

function dynamicBytes(data, i) {
  const offset = Number(uint(data, i));
  const length = Number(BigInt(`0x${data.slice(2 + 2 * offset, 2 + 2 * offset + 64)}`));
  return `0x${data.slice(2 + 2 * offset + 64, 2 + 2 * offset + 64 + 2 * length)}`;
}

function utf8(hex) {
  const bytes = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(2 + 2 * i, 2), 16);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** A bytes32 that holds text (an ERC-1056 attribute or delegate type), as text; otherwise its hex. */
function bytes32Text(w) {
  const trimmed = w.replace(/(00)+$/, '');
  const text = utf8(`0x${trimmed}`);
  return /^[\x20-\x7e]+$/.test(text) ? text : `0x${w}`;
}

const EVENTS = {
  '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef': (log) =>
    log.topics.length === 4
      ? { name: 'Transfer (ERC-721)', args: [['from', topicAddress(log.topics[1]), 'address'], ['to', topicAddress(log.topics[2]), 'address'], ['tokenId', BigInt(log.topics[3]), 'uint']] }
      : { name: 'Transfer (ERC-20)', args: [['from', topicAddress(log.topics[1]), 'address'], ['to', topicAddress(log.topics[2]), 'address'], ['value', uint(log.data, 0), 'amount']] },
  '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925': (log) =>
    log.topics.length === 4
      ? { name: 'Approval (ERC-721)', args: [['owner', topicAddress(log.topics[1]), 'address'], ['approved', topicAddress(log.topics[2]), 'address'], ['tokenId', BigInt(log.topics[3]), 'uint']] }
      : { name: 'Approval (ERC-20)', args: [['owner', topicAddress(log.topics[1]), 'address'], ['spender', topicAddress(log.topics[2]), 'address'], ['value', uint(log.data, 0), 'amount']] },
  '0x17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c31': (log) => ({
    name: 'ApprovalForAll',
    args: [['owner', topicAddress(log.topics[1]), 'address'], ['operator', topicAddress(log.topics[2]), 'address'], ['approved', uint(log.data, 0) !== 0n, 'bool']],
  }),
  '0x38a5a6e68f30ed1ab45860a4afb34bcb2fc00f22ca462d249b8a8d40cda6f7a3': (log) => ({
    name: 'DIDOwnerChanged',
    args: [['identity', topicAddress(log.topics[1]), 'address'], ['owner', address(word(log.data, 0)), 'address'], ['previousChange', uint(log.data, 1), 'block']],
  }),
  '0x5a5084339536bcab65f20799fcc58724588145ca054bd2be626174b27ba156f7': (log) => ({
    name: 'DIDDelegateChanged',
    args: [['identity', topicAddress(log.topics[1]), 'address'], ['delegateType', bytes32Text(word(log.data, 0)), 'text'], ['delegate', address(word(log.data, 1)), 'address'], ['validTo', uint(log.data, 2), 'time'], ['previousChange', uint(log.data, 3), 'block']],
  }),
  '0x18ab6b2ae3d64306c00ce663125f2bd680e441a098de1635bd7ad8b0d44965e4': (log) => ({
    name: 'DIDAttributeChanged',
    args: [['identity', topicAddress(log.topics[1]), 'address'], ['name', bytes32Text(word(log.data, 0)), 'text'], ['value', dynamicBytes(log.data, 1), 'bytes'], ['validTo', uint(log.data, 2), 'time'], ['previousChange', uint(log.data, 3), 'block']],
  }),
};

/**
 * One ABI value of a static type from its 32-byte word, or of `bytes`/`string` from its offset at head slot `slot` of
 * `data`: [value, kind]. Arrays and tuples are not decoded (the caller then shows the raw data).
 */
function abiValue(type, w, data, slot) {
  if (type === 'address') return [address(w), 'address'];
  if (type === 'bool') return [BigInt(`0x${w}`) !== 0n, 'bool'];
  const int = /^(u?)int(\d*)$/.exec(type);
  if (int) {
    const bits = BigInt(int[2] || 256);
    let v = BigInt(`0x${w}`);
    if (!int[1] && v >= 1n << (bits - 1n)) v -= 1n << bits;
    return [v, 'uint'];
  }
  const fixed = /^bytes(\d+)$/.exec(type);
  if (fixed) return [`0x${w.slice(0, 2 * Number(fixed[1]))}`, 'bytes'];
  if (type === 'bytes') return [dynamicBytes(data, slot), 'bytes'];
  if (type === 'string') return [utf8(dynamicBytes(data, slot)), 'string'];
  throw new Error(`${type} is not decoded`);
}

/** Arguments in ABI encoding (a call's input after its selector, an error's data, an event's data). */
function abiArgs(inputs, data) {
  return inputs.map((input, i) => [input.name || `#${i}`, ...abiValue(input.type, word(data, i), data, i)]);
}

function knownLog(log) {
  const entry = KNOWN.EVENTS[log.topics[0]];
  if (!entry) return null;
  let topic = 1;
  let slot = 0;
  const args = entry.inputs.map((input, i) => {
    const name = input.name || `#${i}`;
    if (!input.indexed) return [name, ...abiValue(input.type, word(log.data, slot), log.data, slot++)];
    const t = log.topics[topic++];
    // An indexed string, bytes, array or tuple is stored as its hash: it can only be shown as that.
    return /^(string|bytes|.*[\[(].*)$/.test(input.type) ? [name, t, 'hash'] : [name, ...abiValue(input.type, t.slice(2), log.data, 0)];
  });
  return { name: entry.name, args };
}

/** A log decoded by a known event ABI: { name, args: [[name, value, kind]] }, or null when the event is unknown. */
export function decodeLog(log) {
  const decoder = EVENTS[log.topics?.[0]] ?? (log.topics?.length ? knownLog : null);
  if (!decoder) return null;
  try {
    return decoder(log);
  } catch {
    return null;
  }
}

const CALLS = {
  '0xa9059cbb': { name: 'transfer', args: [['to', 'address'], ['value', 'amount']] },
  '0x095ea7b3': { name: 'approve', args: [['spender', 'address'], ['value', 'amount']] },
  '0x23b872dd': { name: 'transferFrom', args: [['from', 'address'], ['to', 'address'], ['value', 'amount']] },
  '0x42842e0e': { name: 'safeTransferFrom', args: [['from', 'address'], ['to', 'address'], ['tokenId', 'uint']] },
  '0xf00d4b5d': { name: 'changeOwner', args: [['identity', 'address'], ['newOwner', 'address']] },
  '0xa7068d66': { name: 'addDelegate', args: [['identity', 'address'], ['delegateType', 'text'], ['delegate', 'address'], ['validity', 'uint']] },
  '0x7ad4b0a4': { name: 'setAttribute', args: [['identity', 'address'], ['name', 'text'], ['value', 'bytes'], ['validity', 'uint']] },
};

/** A transaction's input decoded by a known function ABI: { name, args: [[name, value, kind]] }, or null. */
export function decodeInput(input) {
  if (!input || input.length < 10) return null;
  const selector = input.slice(0, 10);
  const call = CALLS[selector];
  const data = `0x${input.slice(10)}`;
  if (!call) {
    const known = KNOWN.FUNCTIONS[selector];
    try {
      return known ? { name: known.name, args: abiArgs(known.inputs, data) } : null;
    } catch {
      return { name: known.name, args: [] };
    }
  }
  try {
    return {
      name: call.name,
      args: call.args.map(([name, kind], i) => {
        const w = word(data, i);
        if (kind === 'address') return [name, address(w), kind];
        if (kind === 'text') return [name, bytes32Text(w), kind];
        if (kind === 'bytes') return [name, dynamicBytes(data, i), kind];
        return [name, BigInt(`0x${w}`), kind];
      }),
    };
  } catch {
    return null;
  }
}

const ERRORS = {
  '0xb1a1f8b8': (d) => `NotIdentityOwner(identity ${address(word(d, 0))}, actor ${address(word(d, 1))})`,
  '0x9ef8527b': (d) => `IdentityDeactivated(identity ${address(word(d, 0))})`,
  '0xd855c4f4': (d) => `InvalidSignature(identity ${address(word(d, 0))})`,
};

const PANICS = { 0x01: 'assertion failed', 0x11: 'arithmetic overflow or underflow', 0x12: 'division by zero', 0x21: 'invalid enum value', 0x31: 'pop of an empty array', 0x32: 'array index out of bounds', 0x41: 'out of memory', 0x51: 'call of an uninitialised function' };

/** What revert data says in words: Error(string), Panic(code), a known custom error, or the raw data. */
export function revertReason(data) {
  if (!data || data === '0x') return 'reverted without a reason';
  const selector = data.slice(0, 10);
  const rest = `0x${data.slice(10)}`;
  try {
    if (selector === '0x08c379a0') return utf8(dynamicBytes(rest, 0));
    if (selector === '0x4e487b71') {
      const code = Number(uint(rest, 0));
      return `panic 0x${code.toString(16)}: ${PANICS[code] ?? 'unknown panic code'}`;
    }
    if (ERRORS[selector]) return ERRORS[selector](rest);
    const known = KNOWN.ERRORS[selector];
    if (known) return `${known.name}(${abiArgs(known.inputs, rest).map(([name, value]) => `${name} ${value}`).join(', ')})`;
  } catch {
    // fall through to the raw data
  }
  return `custom error ${selector} (data ${data})`;
}
