// What the identity pages take from @noble: secp256k1 ECDSA (ES256K), SHA-256 and keccak-256 (addresses).
export { secp256k1 } from '@noble/curves/secp256k1.js';
export { sha256 } from '@noble/hashes/sha2.js';
export { keccak_256 } from '@noble/hashes/sha3.js';
