// The few ABI shapes Charity's calls, events and errors use (uint, address, bytes32, string and arrays of them),
// encoded and decoded by hand so that the pages need no library; selectors.js holds the Keccak-256 names.
import { ERRORS, EVENTS, FUNCTIONS } from './selectors.js';

const DYNAMIC = (type) => type === 'string' || type.endsWith('[]');
const hex64 = (n) => BigInt.asUintN(256, BigInt(n)).toString(16).padStart(64, '0');
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: false });

function bytesHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function encodeOne(type, value) {
  if (type.endsWith('[]')) {
    const inner = type.slice(0, -2);
    return hex64(value.length) + encodeArgs(value.map(() => inner), value);
  }
  if (type === 'string') {
    const body = bytesHex(utf8.encode(value));
    return hex64(body.length / 2) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
  }
  if (type === 'address') {
    if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw new Error(`not an address: ${value}`);
    return value.slice(2).toLowerCase().padStart(64, '0');
  }
  if (type === 'bytes32') {
    if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new Error(`not 32 bytes of hex: ${value}`);
    return value.slice(2).toLowerCase();
  }
  if (type.startsWith('uint')) return hex64(value);
  throw new Error(`unsupported ABI type ${type}`);
}

/** The ABI encoding of values of these types, as hex without 0x. */
export function encodeArgs(types, values) {
  let head = '';
  let tail = '';
  const headSize = 32 * types.length;
  types.forEach((type, i) => {
    const encoded = encodeOne(type, values[i]);
    if (DYNAMIC(type)) {
      head += hex64(headSize + tail.length / 2);
      tail += encoded;
    } else {
      head += encoded;
    }
  });
  return head + tail;
}

/** The calldata (0x-hex) of a call: `signature` as in selectors.js, e.g. 'donate(uint256)'. */
export function encodeCall(signature, ...values) {
  const selector = FUNCTIONS[signature];
  if (!selector) throw new Error(`no selector for ${signature}`);
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  return selector + encodeArgs(types, values);
}

function decodeOne(type, data, offset) {
  const word = data.slice(offset * 2, offset * 2 + 64);
  if (word.length < 64) throw new Error('ABI data too short');
  if (type === 'string') {
    const start = Number(BigInt(`0x${word}`));
    const length = Number(BigInt(`0x${data.slice(start * 2, start * 2 + 64)}`));
    const body = data.slice(start * 2 + 64, start * 2 + 64 + length * 2);
    return fromUtf8.decode(Uint8Array.from(body.match(/../g) ?? [], (h) => parseInt(h, 16)));
  }
  if (type === 'address') return `0x${word.slice(24)}`;
  if (type === 'bytes32') return `0x${word}`;
  if (type.startsWith('uint')) return BigInt(`0x${word}`);
  throw new Error(`unsupported ABI type ${type}`);
}

/** Decodes ABI data (hex, with or without 0x) of these (non-array) types. */
export function decodeArgs(types, hex) {
  const data = hex.startsWith('0x') ? hex.slice(2) : hex;
  return types.map((type, i) => decodeOne(type, data, 32 * i));
}

/** A custom error from revert data, as 'Name(arg, …)', or null when it is none of the contracts' errors. */
export function decodeError(revertData) {
  if (typeof revertData !== 'string' || revertData.length < 10) return null;
  const shape = ERRORS[revertData.slice(0, 10).toLowerCase()];
  if (!shape) return null;
  try {
    const args = decodeArgs(shape[1], revertData.slice(10));
    return `${shape[0]}(${args.map(String).join(', ')})`;
  } catch {
    return shape[0];
  }
}

// Each event: its topic, names of its indexed arguments (after topic 0), and of its data.
const SHAPES = Object.entries(EVENTS).map(([signature, topic]) => {
  const name = signature.slice(0, signature.indexOf('('));
  const layouts = {
    OrganisationRegistered: [['organisation', 'admin'], [['name', 'string']]],
    CampaignCreated: [['campaign', 'organisation'],
      [['token', 'address'], ['goal', 'uint256'], ['deadline', 'uint64'], ['title', 'string']]],
    BeneficiaryAdded: [['campaign', 'beneficiary'], [['name', 'string']]],
    Donated: [['campaign', 'donor'], [['donation', 'uint256'], ['amount', 'uint256']]],
    Disbursed: [['campaign', 'beneficiary'], [['disbursement', 'uint256'], ['amount', 'uint256'],
      ['evidenceHash', 'bytes32'], ['evidenceUri', 'string']]],
    DeliveryConfirmed: [['campaign', 'beneficiary'], [['disbursement', 'uint256']]],
    Refunded: [['campaign', 'donor'], [['amount', 'uint256']]],
  };
  return { name, topic, indexed: layouts[name][0], data: layouts[name][1] };
});
const BY_TOPIC = Object.fromEntries(SHAPES.map((s) => [s.topic, s]));
const NUMBERS = new Set(['organisation', 'campaign', 'donation', 'disbursement', 'deadline']);
const ZERO = `0x${'0'.repeat(40)}`;

/**
 * A Charity event from a log's topics and data, in the shape of the FIFO vectors ({ event, campaign, donor, amount,
 * … }: ids and the deadline as numbers, amounts as BigInt, addresses lower-case); null for any other log.
 */
export function decodeEvent(topics, data) {
  const shape = BY_TOPIC[topics[0]?.toLowerCase()];
  if (!shape || topics.length !== 1 + shape.indexed.length) return null;
  const event = { event: shape.name };
  shape.indexed.forEach((name, i) => {
    const word = topics[i + 1].slice(2);
    event[name] = NUMBERS.has(name) ? Number(BigInt(`0x${word}`)) : `0x${word.slice(24)}`;
  });
  const values = decodeArgs(shape.data.map(([, type]) => type), data);
  shape.data.forEach(([name], i) => {
    event[name] = NUMBERS.has(name) ? Number(values[i]) : values[i];
  });
  if (shape.name === 'CampaignCreated') event.token = event.token === ZERO ? null : event.token;
  return event;
}

/** The topics the pages filter logs by. */
export const TOPICS = Object.fromEntries(SHAPES.map((s) => [s.name, s.topic]));
