// Checks a stele-notary/1 proof against a document, in the browser and offline: the same checks in the same order as
// the Java verifier (NotaryProofVerifier). The anchoring and signing transactions are checked by the node's proof
// verifier (/proof/verify.js: seals against the validator set); the Notary events are read from their proven receipts.
import { receiptLogs } from '../../proof/receipt.js';
import { verifyProof } from '../../proof/verify.js';
import { EVENTS } from './selectors.js';
import { ALGORITHMS, bytes, digest, hex, rootOf, sides } from './merkle.js';

export const FORMAT = 'stele-notary/1';

/** The checks, in order: [name, what it means]. */
export const CHECKS = [
  ['document-hash', 'the file hashes to the proof\'s document hash'],
  ['merkle-path', 'the document hash leads to the anchored root'],
  ['anchor-proof', 'the anchoring transaction is in a sealed block of the chain'],
  ['anchor-event', 'that transaction\'s receipt records the root in the notary contract'],
  ['signature-proofs', 'each signing transaction is in a sealed block of the same chain'],
  ['signature-events', 'each of their receipts records a named party\'s signature of the document'],
];

const TOPIC = Object.fromEntries(Object.entries(EVENTS).map(([sig, topic]) => [topic, sig.slice(0, sig.indexOf('('))]));

class Failed extends Error {
  constructor(check, message) {
    super(message);
    this.check = check;
  }
}

const word = (data, i) => data.slice(i * 64, i * 64 + 64);
const addressOf = (w) => `0x${w.slice(24)}`;

const text = new TextDecoder('utf-8', { fatal: false });

/** A Notary log as { event, …fields }, or null when it is none of Notary's. topics and data are 0x-hex. */
export function decodeLog(topics, data) {
  const t = topics.map((x) => x.toLowerCase());
  const name = TOPIC[t[0]];
  const d = data.slice(2).toLowerCase();
  const at = (i) => Number(BigInt(`0x${word(d, i)}`));
  switch (name) {
    case 'Stamped': return { event: name, hash: t[1], by: addressOf(t[2].slice(2)) };
    case 'BatchStamped': return { event: name, root: t[1], by: addressOf(t[2].slice(2)), size: at(0) };
    case 'DocumentCreated': {
      const start = at(1) / 32;
      const parties = Array.from({ length: at(start) }, (_, i) => addressOf(word(d, start + 1 + i)));
      return { event: name, document: t[1], creator: addressOf(t[2].slice(2)), threshold: at(0), parties };
    }
    case 'Signed': return { event: name, document: t[1], signer: addressOf(t[2].slice(2)), relayer: addressOf(word(d, 0)) };
    case 'Completed': return { event: name, document: t[1], signatures: at(0) };
    case 'Revoked': {
      const start = at(0) / 32;
      const body = d.slice((start + 1) * 64, (start + 1) * 64 + at(start) * 2);
      return { event: name, document: t[1], by: addressOf(t[2].slice(2)), reason: text.decode(bytes(`0x${body}`)) };
    }
    case 'Superseded': return { event: name, document: t[1], newVersion: t[2] };
    default: return null;
  }
}

/** The Notary events in a raw receipt (type byte first for typed transactions), emitted by `contract`. */
export function receiptEvents(rawReceipt, contract) {
  return receiptLogs(rawReceipt).filter((log) => log.address === contract.toLowerCase())
    .map((log) => decodeLog(log.topics, log.data)).filter((e) => e);
}

const stampOf = (by, v) => ({ by, block: v.blockNumber, blockHash: v.blockHash, time: Number(v.timestamp),
  transaction: v.transactionHash });

function shape(p) {
  const h32 = (v) => typeof v === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v);
  if (!p || typeof p !== 'object') throw new Failed('format', 'a notary proof is a JSON object');
  if (p.format !== FORMAT) {
    throw new Failed('format', `format: "${p.format}" is not ${FORMAT}`
      + (p.format === 'stele-proof/1' ? ' (a transaction proof: check it on the receipt page, /proof/)' : ''));
  }
  if (!ALGORITHMS.includes(p.algorithm)) {
    throw new Failed('format', `algorithm: "${p.algorithm}" is not a hash this verifier knows (sha-256 or sm3)`);
  }
  if (!h32(p.documentHash)) throw new Failed('format', 'documentHash: not 0x and 64 hex digits');
  if (typeof p.contract !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(p.contract)) {
    throw new Failed('format', 'contract: not an address');
  }
  const a = p.anchor;
  if (!a || !['hash', 'batch', 'document'].includes(a.kind) || !h32(a.root) || !Array.isArray(a.path)
    || !Number.isInteger(a.index) || !Number.isInteger(a.size)) {
    throw new Failed('format', 'anchor: missing, or not { kind, root, index, size, path }');
  }
  for (const s of a.path) {
    if (!s || !['left', 'right'].includes(s.side) || !h32(s.hash)) throw new Failed('format', 'anchor.path: a bad step');
  }
  if (!Array.isArray(p.signatureProofs)) throw new Failed('format', 'signatureProofs: missing, or not a list');
}

function proven(doc, trusted, check, where) {
  const r = verifyProof(doc, trusted);
  if (!r.ok) throw new Failed(check, `${where}${r.check}: ${r.message}`);
  return r;
}

async function run(file, p, trusted) {
  shape(p);
  const documentHash = await digest(p.algorithm, file);
  if (hex(documentHash) !== p.documentHash.toLowerCase()) {
    throw new Failed('document-hash', `the file's ${p.algorithm} hash is ${hex(documentHash)}, the proof is of `
      + `${p.documentHash.toLowerCase()}`);
  }
  const a = p.anchor;
  const anchoredRoot = a.root.toLowerCase();
  if (a.kind === 'batch') {
    if (a.index >= a.size || sides(a.index, a.size).join() !== a.path.map((s) => s.side).join()) {
      throw new Failed('merkle-path', `the path is not that of document ${a.index} of a batch of ${a.size}`);
    }
    const root = hex(await rootOf(documentHash, a.path, p.algorithm));
    if (root !== anchoredRoot) throw new Failed('merkle-path', `the path leads to ${root}, the anchored root is ${anchoredRoot}`);
  } else if (a.path.length > 0 || anchoredRoot !== p.documentHash.toLowerCase()) {
    throw new Failed('merkle-path', `a ${a.kind} anchor is the document hash itself, with no path`);
  }
  const tx = proven(p.anchorProof, trusted, 'anchor-proof', '');
  const event = receiptEvents(p.anchorProof.rawReceipt, p.contract).find((e) => (a.kind === 'hash'
    ? e.event === 'Stamped' && e.hash === anchoredRoot
    : a.kind === 'batch'
      ? e.event === 'BatchStamped' && e.root === anchoredRoot && e.size === a.size
      : e.event === 'DocumentCreated' && e.document === anchoredRoot));
  if (!event) {
    throw new Failed('anchor-event', `transaction ${tx.transactionHash} records no ${a.kind} anchor of ${anchoredRoot} `
      + `in contract ${p.contract.toLowerCase()}`);
  }
  const result = { algorithm: p.algorithm, documentHash: hex(documentHash), kind: a.kind, index: a.index, size: a.size, root: anchoredRoot,
    contract: p.contract.toLowerCase(), chainId: tx.chainId, genesisHash: tx.genesisHash,
    genesisTrusted: tx.genesisTrusted, sealedBy: tx.signers.length, validators: tx.validators,
    stamp: stampOf(event.by ?? event.creator, tx), signatures: null };
  if (event.event !== 'DocumentCreated') {
    if (p.signatureProofs.length > 0) {
      throw new Failed('signature-proofs', 'only a document anchored by createDocument has signatures');
    }
    return result;
  }
  const txs = p.signatureProofs.map((s, i) => {
    if (s?.genesisHash !== p.anchorProof.genesisHash || s?.chainId !== p.anchorProof.chainId) {
      throw new Failed('signature-proofs', `signatureProofs[${i}] is of another chain`);
    }
    return proven(s, trusted, 'signature-proofs', `signatureProofs[${i}]: `);
  });
  const signed = [];
  txs.forEach((v, i) => {
    const found = receiptEvents(p.signatureProofs[i].rawReceipt, p.contract)
      .filter((e) => e.event === 'Signed' && e.document === event.document);
    if (found.length === 0) {
      throw new Failed('signature-events', `signatureProofs[${i}] records no signature of ${event.document}`);
    }
    for (const s of found) {
      if (!event.parties.includes(s.signer)) throw new Failed('signature-events', `${s.signer} signed but is not a party`);
      if (signed.some((x) => x.signer === s.signer)) {
        throw new Failed('signature-events', `${s.signer}'s signature is given twice`);
      }
      signed.push({ signer: s.signer, relayer: s.relayer, stamp: stampOf(s.relayer, v) });
    }
  });
  result.signatures = { creator: event.creator, threshold: event.threshold, parties: event.parties, signed,
    awaited: event.parties.filter((x) => !signed.some((s) => s.signer === x)),
    complete: signed.length >= event.threshold };
  return result;
}

/**
 * Checks `proof` (a parsed stele-notary/1 document) against the file's bytes. Resolves to { ok: true, … } or
 * { ok: false, check, message } with check one of CHECKS' names, or 'format'.
 */
export async function verifyNotaryProof(file, proof, trusted = undefined) {
  try {
    return { ok: true, ...(await run(file, proof, trusted)) };
  } catch (e) {
    if (e instanceof Failed) return { ok: false, check: e.check, message: e.message };
    throw e;
  }
}
