// The Merkle-Patricia proof walk: from a root hash the caller trusts, follow the key's nibbles through the proof's
// nodes, each found by the Keccak-256 hash its parent names (or embedded in its parent when shorter than 32 bytes).
import { keccak_256 } from '@noble/hashes/sha3.js';
import { decode } from './rlp.js';

export class ProofError extends Error {}

const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The value under `key` in the trie with root `root`, or null when the proof shows the key is absent. */
export function verifyMerkleProof(root, key, proof) {
  const byHash = new Map(proof.map((node) => [hex(keccak_256(node)), node]));
  const nibbles = [];
  for (const b of key) nibbles.push(b >> 4, b & 15);
  let node = load(byHash, root);
  let pos = 0;
  for (;;) {
    if (node.length === 17) {
      if (pos === nibbles.length) return node[16].length ? node[16] : null;
      const child = node[nibbles[pos++]];
      if (child instanceof Uint8Array && child.length === 0) return null;
      node = resolve(byHash, child);
    } else if (node.length === 2) {
      const [path, isLeaf] = hexPrefix(node[0]);
      const matches = path.every((n, i) => nibbles[pos + i] === n);
      if (isLeaf) return matches && pos + path.length === nibbles.length ? node[1] : null;
      if (!matches) return null;
      pos += path.length;
      node = resolve(byHash, node[1]);
    } else {
      throw new ProofError(`a trie node has ${node.length} items, not 2 or 17`);
    }
  }
}

function load(byHash, hash) {
  const encoded = byHash.get(hex(hash));
  if (!encoded) throw new ProofError(`the proof has no node with hash 0x${hex(hash)}`);
  return asNode(decode(encoded));
}

function resolve(byHash, ref) {
  if (Array.isArray(ref)) return asNode(ref); // embedded node, shorter than 32 bytes
  if (ref.length !== 32) throw new ProofError('a child reference is neither a hash nor an embedded node');
  return load(byHash, ref);
}

function asNode(item) {
  if (!Array.isArray(item)) throw new ProofError('a trie node is not an RLP list');
  return item;
}

/** Ethereum's hex-prefix encoding of a path: the flag nibble says leaf or extension, and odd or even length. */
function hexPrefix(encoded) {
  if (!(encoded instanceof Uint8Array) || encoded.length === 0) throw new ProofError('a node path is empty');
  const flag = encoded[0] >> 4;
  if (flag > 3) throw new ProofError('a node path has an unknown flag');
  const nibbles = flag & 1 ? [encoded[0] & 15] : [];
  for (const b of encoded.subarray(1)) nibbles.push(b >> 4, b & 15);
  return [nibbles, flag >= 2];
}
