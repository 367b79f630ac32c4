// What every notary page shares: which Notary contract (?notary=0x… in the address, remembered in this browser), its
// events read with eth_getLogs and folded into a document's status, calls encoded by hand, and signing: through the
// browser's wallet (an injected EIP-1193 provider) when it has one, otherwise through the node's dev accounts on a dev
// chain (/assets/wallet.js).
import { call } from '../../assets/rpc.js';
import { dryRun, transact as send } from '../../assets/wallet.js';
import { decodeLog } from './check.js';
import { ERRORS, FUNCTIONS } from './selectors.js';

export const $ = (id) => document.getElementById(id);
const KEY = 'stele.notary.contract';
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The Notary contract these pages use: from ?notary=, else the last one used here; null when none is known. */
export function contract() {
  const fromUrl = new URLSearchParams(location.search).get('notary');
  if (fromUrl && ADDRESS.test(fromUrl)) {
    localStorage.setItem(KEY, fromUrl.toLowerCase());
    return fromUrl.toLowerCase();
  }
  const kept = localStorage.getItem(KEY);
  return kept && ADDRESS.test(kept) ? kept : null;
}

export function link(page, params = {}) {
  return `${page}?${new URLSearchParams({ notary: contract() ?? '', ...params })}`;
}

export function wireNav() {
  for (const a of document.querySelectorAll('a[data-page]')) a.href = link(a.dataset.page);
}

/** One line of status: kind 'ok', 'fail' or '' (working). */
export function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `status ${kind}`;
}

export const short = (h) => (h ? `${h.slice(0, 8)}…${h.slice(-6)}` : '');
export const formatTime = (seconds) => `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

const hex64 = (n) => BigInt.asUintN(256, BigInt(n)).toString(16).padStart(64, '0');

function encodeOne(type, value) {
  if (type === 'bytes32') {
    if (!/^0x[0-9a-fA-F]{64}$/.test(value)) throw new Error(`not a hash: ${value}`);
    return value.slice(2).toLowerCase();
  }
  if (type === 'address') {
    if (!ADDRESS.test(value)) throw new Error(`not an address: ${value}`);
    return value.slice(2).toLowerCase().padStart(64, '0');
  }
  if (type.startsWith('uint')) return hex64(value);
  if (type === 'address[]') return hex64(value.length) + value.map((v) => encodeOne('address', v)).join('');
  if (type === 'bytes') {
    if (!/^0x([0-9a-fA-F]{2})*$/.test(value)) throw new Error(`not hex bytes: ${value}`);
    const body = value.slice(2).toLowerCase();
    return hex64(body.length / 2) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
  }
  if (type === 'string') {
    const body = Array.from(new TextEncoder().encode(value), (b) => b.toString(16).padStart(2, '0')).join('');
    return hex64(body.length / 2) + body.padEnd(Math.ceil(body.length / 64) * 64, '0');
  }
  throw new Error(`unsupported ABI type ${type}`);
}

/** The calldata of a call, `signature` as in selectors.js. */
export function encodeCall(signature, ...values) {
  const selector = FUNCTIONS[signature];
  if (!selector) throw new Error(`no selector for ${signature}`);
  const types = signature.slice(signature.indexOf('(') + 1, -1).split(',').filter((t) => t);
  let head = '';
  let tail = '';
  types.forEach((type, i) => {
    const encoded = encodeOne(type, values[i]);
    if (type === 'string' || type === 'bytes' || type.endsWith('[]')) {
      head += hex64(32 * types.length + tail.length / 2);
      tail += encoded;
    } else head += encoded;
  });
  return selector + head + tail;
}

/** A custom error's name and arguments from revert data, e.g. 'AlreadyStamped(0x…, 0x…, 3)'; null when unknown. */
export function decodeError(data) {
  if (typeof data !== 'string' || data.length < 10) return null;
  const known = ERRORS[data.slice(0, 10).toLowerCase()];
  if (!known) return null;
  const [name, types] = known;
  const body = data.slice(10);
  const args = types.map((type, i) => {
    const w = body.slice(i * 64, i * 64 + 64);
    if (type === 'address') return `0x${w.slice(24)}`;
    if (type === 'bytes32') return `0x${w}`;
    return BigInt(`0x${w || '0'}`).toString();
  });
  return `${name}(${args.join(', ')})`;
}

/** Every Notary event so far, in chain order, with its block and transaction. */
export async function events(address = contract()) {
  const logs = await call('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address }]);
  return logs.map((log) => {
    const e = decodeLog(log.topics, log.data);
    return e && { ...e, block: Number(BigInt(log.blockNumber)), logIndex: Number(BigInt(log.logIndex)),
      transaction: log.transactionHash };
  }).filter((e) => e).sort((a, b) => a.block - b.block || a.logIndex - b.logIndex);
}

/** A document's status from the events, or null when it was never created. */
export function documentStatus(list, document) {
  const doc = document.toLowerCase();
  let status = null;
  for (const e of list) {
    if (e.document !== doc) continue;
    switch (e.event) {
      case 'DocumentCreated':
        status = { document: doc, creator: e.creator, threshold: e.threshold, parties: e.parties, signed: [],
          state: 'pending', created: e, history: [e] };
        break;
      case 'Signed': status?.signed.push(e); break;
      case 'Completed': if (status) status.state = 'complete'; break;
      case 'Revoked': if (status) Object.assign(status, { state: 'revoked', reason: e.reason }); break;
      case 'Superseded': if (status) Object.assign(status, { state: 'superseded', newVersion: e.newVersion }); break;
      default:
    }
    if (status && e.event !== 'DocumentCreated') status.history.push(e);
  }
  if (status) status.awaited = status.parties.filter((p) => !status.signed.some((s) => s.signer === p));
  return status;
}

const timestamps = new Map();
/** A block's time, formatted. */
export async function blockTime(block) {
  if (!timestamps.has(block)) {
    const b = await call('eth_getBlockByNumber', [`0x${block.toString(16)}`, false]);
    timestamps.set(block, Number(BigInt(b.timestamp)));
  }
  return formatTime(timestamps.get(block));
}

// Signing: the browser's wallet when it has one, the node's dev accounts on a dev chain (/assets/wallet.js).
export { fillAccounts, signTypedData, signers } from '../../assets/wallet.js';

/** Sends a call from `from`: first as eth_call, so a refusal is named and nothing is sent; resolves to the receipt. */
export function transact(from, signature, ...args) {
  return send({ from, to: contract(), data: encodeCall(signature, ...args) }, decodeError);
}

/** Throws 'refused: …' when the call from `from` would revert; sends nothing. */
export function refusal(from, signature, ...args) {
  return dryRun({ from, to: contract(), data: encodeCall(signature, ...args) }, decodeError);
}

/**
 * The EIP-712 typed data a party signs to sign `document` without sending a transaction: what Notary.signFor checks
 * (Signature(bytes32 document) under the domain "Stele Notary", version 1, this chain, this contract).
 */
export async function signatureRequest(document) {
  return {
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' },
        { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
      Signature: [{ name: 'document', type: 'bytes32' }],
    },
    primaryType: 'Signature',
    domain: { name: 'Stele Notary', version: '1', chainId: Number(BigInt(await call('eth_chainId'))),
      verifyingContract: contract() },
    message: { document },
  };
}

/** A stele-notary/1 document (docs/notary.md) from the node's proof of the anchoring transaction. */
export async function notaryProof(algorithm, documentHash, anchor, anchorTx, signatureTxs = []) {
  const proof = (tx) => call('stele_getTransactionProof', [tx]);
  return { format: 'stele-notary/1', algorithm, documentHash, contract: contract(), anchor,
    anchorProof: await proof(anchorTx), signatureProofs: await Promise.all(signatureTxs.map(proof)) };
}

/** Reads dropped or chosen files from a drop zone and an <input type=file>, calling onFiles(FileList). */
export function wireDrop(zone, input, onFiles) {
  input.addEventListener('change', (e) => e.target.files.length && onFiles(e.target.files));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    if (e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
  });
}

/** A link that saves `text` as a file, made in the browser. */
export function downloadLink(a, name, text) {
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.hidden = false;
}
