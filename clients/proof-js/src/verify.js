// Verifies a stele-proof/1 document (docs/proofs.md) offline, in Node.js or a browser, with the same checks in the
// same order as the Java verifier (org.stele.proof.TransactionProofVerifier): the first that fails is reported under
// the same name, so both give one answer for one file.
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decode, encode, encodeInteger, toBigInt, RlpError } from './rlp.js';
import { verifyMerkleProof, ProofError } from './trie.js';

export const FORMAT = 'stele-proof/1';
export const SOURCE_EXTRA_DATA = 'qbft-extra-data';

/** The checks, in order: [name, what passing it means]. */
export const CHECKS = [
  ['genesis', 'the chain starts at the trusted genesis'],
  ['validator-sets', 'each validator set follows from the one before'],
  ['seals', 'a quorum of the block\'s validators sealed the header'],
  ['header-hash', 'the header hashes to the stated block hash'],
  ['transaction-included', 'the transaction is in the block'],
  ['receipt-included', 'the receipt is in the block'],
  ['receipt-status', 'the transaction succeeded'],
];

class CheckFailed extends Error {
  constructor(check, message) {
    super(message);
    this.check = check;
  }
}

class FormatError extends Error {}

const toHex = (b) => '0x' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function fromHex(s, where, size) {
  if (typeof s !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(s)) {
    throw new FormatError(`${where}: expected 0x and an even number of hex digits`);
  }
  const b = new Uint8Array((s.length - 2) / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(s.substr(2 + 2 * i, 2), 16);
  if (size !== undefined && b.length !== size) throw new FormatError(`${where}: expected ${size} bytes, got ${b.length}`);
  return b;
}

const keccak = (b) => keccak_256(b);
const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const quorum = (n) => Math.floor((2 * n + 2) / 3);

/** Reads the document's fields into bytes, as the Java reader does; throws FormatError naming the field. */
function parse(doc) {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new FormatError('a proof is a JSON object');
  if (doc.format === undefined || doc.format === null) throw new FormatError(`format: missing; a proof names its format, "${FORMAT}"`);
  if (typeof doc.format !== 'string') throw new FormatError(`format: expected the string "${FORMAT}"`);
  if (doc.format !== FORMAT) throw new FormatError(`format: "${doc.format}" is not a format this verifier reads (${FORMAT})`);
  const need = (name) => {
    if (doc[name] === undefined || doc[name] === null) throw new FormatError(`${name}: missing`);
    return doc[name];
  };
  const number = (name) => {
    const v = need(name);
    if (!Number.isSafeInteger(v) || v < 0) throw new FormatError(`${name}: expected a non-negative integer`);
    return v;
  };
  const list = (name, v = need(name)) => {
    if (!Array.isArray(v)) throw new FormatError(`${name}: expected an array`);
    return v;
  };
  const sets = list('validatorSets').map((s, i) => {
    const where = `validatorSets[${i}]`;
    if (s === null || typeof s !== 'object') throw new FormatError(`${where}: expected an object`);
    if (s.source !== SOURCE_EXTRA_DATA) throw new FormatError(`${where}.source: "${s.source}" is not known to ${FORMAT}`);
    return {
      header: fromHex(s.header, `${where}.header`),
      validators: list(`${where}.validators`, s.validators).map((a, j) => toHex(fromHex(a, `${where}.validators[${j}]`, 20))),
    };
  });
  return {
    chainId: number('chainId'),
    genesisHash: fromHex(need('genesisHash'), 'genesisHash', 32),
    blockNumber: number('blockNumber'),
    blockHash: fromHex(need('blockHash'), 'blockHash', 32),
    transactionIndex: number('transactionIndex'),
    transactionHash: fromHex(need('transactionHash'), 'transactionHash', 32),
    rawTransaction: fromHex(need('rawTransaction'), 'rawTransaction'),
    rawReceipt: fromHex(need('rawReceipt'), 'rawReceipt'),
    transactionProof: list('transactionProof').map((n, i) => fromHex(n, `transactionProof[${i}]`)),
    receiptProof: list('receiptProof').map((n, i) => fromHex(n, `receiptProof[${i}]`)),
    header: fromHex(need('header'), 'header'),
    validatorSets: sets,
  };
}

/** A block header's fields, as far as the checks need them. */
function decodeHeader(rlp, check, where) {
  let fields;
  try {
    fields = decode(rlp);
  } catch (e) {
    throw new CheckFailed(check, `${where} is not an RLP block header: ${e.message}`);
  }
  if (!Array.isArray(fields) || fields.length < 15 || fields.some((f) => !(f instanceof Uint8Array))) {
    throw new CheckFailed(check, `${where} is not an RLP block header`);
  }
  return {
    fields,
    transactionsRoot: fields[4],
    receiptsRoot: fields[5],
    number: Number(toBigInt(fields[8])),
    timestamp: Number(toBigInt(fields[11])),
    extraData: fields[12],
  };
}

/** QBFT extra data: [vanity(32), [validators], vote, round(4), [seals]]. */
function decodeExtra(extraData) {
  const e = decode(extraData);
  if (!Array.isArray(e) || e.length !== 5) throw new RlpError('extra data is not a list of 5 items');
  const [vanity, validators, vote, round, seals] = e;
  if (!(vanity instanceof Uint8Array) || vanity.length !== 32) throw new RlpError('vanity must be 32 bytes');
  if (!Array.isArray(validators) || validators.some((v) => !(v instanceof Uint8Array) || v.length !== 20)) {
    throw new RlpError('validators must be a list of 20-byte addresses');
  }
  if (!(round instanceof Uint8Array) || round.length !== 4) throw new RlpError('round must be 4 bytes');
  if (!Array.isArray(seals) || seals.some((s) => !(s instanceof Uint8Array))) throw new RlpError('seals must be a list');
  return { vanity, validators: validators.map(toHex), vote, round, seals };
}

/**
 * The hash that names a block, as Besu's QBFT names it: the header with its extra data's round zeroed and seals
 * emptied, so that the name does not depend on the round or the seals (genesis: the header as is).
 */
function blockHash(header) {
  if (header.number === 0) return keccak(encode(header.fields));
  const e = decode(header.extraData);
  const fields = header.fields.slice();
  fields[12] = encode([e[0], e[1], e[2], new Uint8Array(4), []]);
  return keccak(encode(fields));
}

/** The hash a commit seal signs: the header with its extra data's seals list emptied (genesis: the header as is). */
function commitSealHash(header) {
  if (header.number === 0) return keccak(encode(header.fields));
  const e = decode(header.extraData);
  const fields = header.fields.slice();
  fields[12] = encode([e[0], e[1], e[2], e[3], []]);
  return keccak(encode(fields));
}

function addressOf(publicKey65) {
  return toHex(keccak(publicKey65.subarray(1)).subarray(12));
}

/** consensus's FinalityVerifier: every seal recovers to a distinct member, and there are a quorum of them. */
function checkSeals(header, validators) {
  let extra;
  try {
    extra = decodeExtra(header.extraData);
  } catch (e) {
    throw new Error(`extra data is not QBFT's: ${e.message}`);
  }
  const hash = commitSealHash(header);
  const members = new Set(validators);
  const seen = new Set();
  for (const seal of extra.seals) {
    let signer;
    try {
      if (seal.length !== 65 || seal[64] > 1) throw new Error('a seal is r || s || v with v 0 or 1');
      const sig = new secp256k1.Signature(toBigInt(seal.subarray(0, 32)), toBigInt(seal.subarray(32, 64))).addRecoveryBit(seal[64]);
      signer = addressOf(sig.recoverPublicKey(hash).toBytes(false));
    } catch (e) {
      throw new Error(`a commit seal does not verify: ${e.message}`);
    }
    if (!members.has(signer)) throw new Error(`seal by ${signer}, who is not a validator of block ${header.number}`);
    if (seen.has(signer)) throw new Error(`two seals by ${signer}`);
    seen.add(signer);
  }
  const q = quorum(members.size);
  if (seen.size < q) throw new Error(`${seen.size} seals, ${q} of ${members.size} validators needed`);
  return [...seen];
}

function listed(header, set, i) {
  let validators;
  try {
    validators = decodeExtra(header.extraData).validators;
  } catch (e) {
    throw new CheckFailed('validator-sets', `validatorSets[${i}]: the header's extra data is not QBFT's: ${e.message}`);
  }
  if (validators.join() !== set.validators.join()) {
    throw new CheckFailed('validator-sets', `validatorSets[${i}] states validators ${set.validators}, its header lists ${validators}`);
  }
  if (validators.length === 0 || new Set(validators).size !== validators.length) {
    throw new CheckFailed('validator-sets', `validatorSets[${i}] lists an empty set or a validator twice`);
  }
  return validators;
}

function included(root, key, proof, expected, check, what) {
  let value;
  try {
    value = verifyMerkleProof(root, key, proof);
  } catch (e) {
    if (!(e instanceof ProofError || e instanceof RlpError)) throw e;
    throw new CheckFailed(check, `the ${what} proof does not lead from the header's root: ${e.message}`);
  }
  if (value === null) throw new CheckFailed(check, `the ${what} proof shows no ${what} at this index`);
  if (!equal(value, expected)) throw new CheckFailed(check, `the ${what} trie holds other bytes at this index than the raw ${what}`);
}

/** The chain id a raw transaction is signed for, or null for a legacy transaction without EIP-155. */
function transactionChainId(raw) {
  if (raw.length > 0 && raw[0] <= 0x7f) {
    const fields = decode(raw.subarray(1));
    return toBigInt(fields[0]);
  }
  const v = toBigInt(decode(raw)[6]);
  return v >= 35n ? (v - 35n) / 2n : null;
}

function receiptSucceeded(raw) {
  const body = raw.length > 0 && raw[0] <= 0x7f ? raw.subarray(1) : raw;
  const status = decode(body)[0];
  return status.length === 1 && status[0] === 1;
}

/**
 * Verifies a proof document (the parsed JSON). `trusted` is optional: { genesisHash: '0x…', chainId: n } from a
 * genesis the caller trusts; without it the proof's own genesis hash is taken as stated.
 * Returns { ok: true, summary, ... } or { ok: false, check, message } where check is one of CHECKS' names, or
 * 'format' when the document is not a stele-proof/1 document at all.
 */
export function verifyProof(doc, trusted = undefined) {
  let p;
  try {
    p = parse(doc);
  } catch (e) {
    if (e instanceof FormatError) return { ok: false, check: 'format', message: e.message };
    throw e;
  }
  try {
    return { ok: true, ...run(p, trusted) };
  } catch (e) {
    if (e instanceof CheckFailed) return { ok: false, check: e.check, message: e.message };
    throw e;
  }
}

function run(p, trusted) {
  const sets = p.validatorSets;
  // genesis
  if (sets.length === 0) throw new CheckFailed('genesis', 'the validator-set history is empty; it starts with genesis');
  const genesis = decodeHeader(sets[0].header, 'genesis', 'validatorSets[0].header');
  if (genesis.number !== 0) throw new CheckFailed('genesis', `validatorSets[0] is block ${genesis.number}, not the genesis block`);
  const genesisHash = keccak(sets[0].header);
  if (!equal(genesisHash, p.genesisHash)) {
    throw new CheckFailed('genesis', `the genesis header hashes to ${toHex(genesisHash)}, the proof names genesis ${toHex(p.genesisHash)}`);
  }
  if (trusted && toHex(genesisHash) !== trusted.genesisHash.toLowerCase()) {
    throw new CheckFailed('genesis', `the proof is of genesis ${toHex(genesisHash)}, the trusted genesis is ${trusted.genesisHash}`);
  }
  if (trusted && trusted.chainId !== undefined && Number(trusted.chainId) !== p.chainId) {
    throw new CheckFailed('genesis', `the proof states chain id ${p.chainId}, the trusted genesis is of chain ${trusted.chainId}`);
  }

  // validator-sets
  const numbers = [0];
  let previous = listed(genesis, sets[0], 0);
  for (let i = 1; i < sets.length; i++) {
    const h = decodeHeader(sets[i].header, 'validator-sets', `validatorSets[${i}].header`);
    const before = numbers[numbers.length - 1];
    if (h.number <= before || h.number > p.blockNumber) {
      throw new CheckFailed('validator-sets', `validatorSets[${i}] is block ${h.number}, out of order (after block ${before}, up to block ${p.blockNumber})`);
    }
    try {
      checkSeals(h, previous);
    } catch (e) {
      throw new CheckFailed('validator-sets', `validatorSets[${i}] (block ${h.number}): ${e.message}`);
    }
    const next = listed(h, sets[i], i);
    if (next.join() === previous.join()) throw new CheckFailed('validator-sets', `validatorSets[${i}] (block ${h.number}) does not change the set`);
    previous = next;
    numbers.push(h.number);
  }

  // seals
  const header = decodeHeader(p.header, 'seals', 'header');
  if (header.number === 0) throw new CheckFailed('seals', 'the header is the genesis block, which holds no transactions');
  const inForce = (inclusive) => {
    let set = sets[0].validators;
    numbers.forEach((n, i) => {
      if (n < header.number || (inclusive && n === header.number)) set = sets[i].validators;
    });
    return set;
  };
  let headerValidators;
  try {
    headerValidators = decodeExtra(header.extraData).validators;
  } catch (e) {
    throw new CheckFailed('seals', `the header's extra data is not QBFT's: ${e.message}`);
  }
  if (headerValidators.join() !== inForce(true).join()) {
    throw new CheckFailed('seals', `the header lists validators ${headerValidators}, not the set the history gives for block ${header.number}`);
  }
  let signers;
  try {
    signers = checkSeals(header, inForce(false));
  } catch (e) {
    throw new CheckFailed('seals', e.message);
  }

  // header-hash
  const hash = blockHash(header);
  if (!equal(hash, p.blockHash)) {
    throw new CheckFailed('header-hash', `the header hashes to ${toHex(hash)}, the proof states block hash ${toHex(p.blockHash)}`);
  }
  if (header.number !== p.blockNumber) {
    throw new CheckFailed('header-hash', `the header is block ${header.number}, the proof states block ${p.blockNumber}`);
  }

  // transaction-included
  const key = encodeInteger(p.transactionIndex);
  const txHash = keccak(p.rawTransaction);
  if (!equal(txHash, p.transactionHash)) {
    throw new CheckFailed('transaction-included', `the raw transaction hashes to ${toHex(txHash)}, the proof states ${toHex(p.transactionHash)}`);
  }
  included(header.transactionsRoot, key, p.transactionProof, p.rawTransaction, 'transaction-included', 'transaction');
  let chainId;
  try {
    chainId = transactionChainId(p.rawTransaction);
  } catch (e) {
    throw new CheckFailed('transaction-included', `the raw transaction does not decode: ${e.message}`);
  }
  if (chainId !== null && chainId !== BigInt(p.chainId)) {
    throw new CheckFailed('transaction-included', `the transaction is signed for chain ${chainId}, the proof states ${p.chainId}`);
  }

  // receipt-included
  included(header.receiptsRoot, key, p.receiptProof, p.rawReceipt, 'receipt-included', 'receipt');
  let success;
  try {
    success = receiptSucceeded(p.rawReceipt);
  } catch (e) {
    throw new CheckFailed('receipt-included', `the raw receipt does not decode: ${e.message}`);
  }

  // receipt-status
  if (!success) throw new CheckFailed('receipt-status', 'the receipt\'s status is 0: the transaction failed');

  const validators = inForce(false).length;
  return {
    transactionHash: toHex(p.transactionHash),
    blockNumber: p.blockNumber,
    blockHash: toHex(p.blockHash),
    chainId: p.chainId,
    genesisHash: toHex(p.genesisHash),
    timestamp: header.timestamp,
    signers,
    validators,
    genesisTrusted: Boolean(trusted),
    summary: `Transaction ${toHex(p.transactionHash)} is transaction ${p.transactionIndex} of block ${p.blockNumber} `
      + `(${toHex(p.blockHash)}) of chain ${p.chainId}, and it succeeded. The block is final: ${signers.length} of its `
      + `${validators} validators sealed it (a quorum is ${quorum(validators)}), and its validator set follows from genesis `
      + `${toHex(p.genesisHash)} through ${sets.length - 1} change(s)`
      + (trusted ? ', the trusted genesis.' : ', as the proof states it.'),
  };
}
