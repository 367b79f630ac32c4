// The holder wallet's backup file: its key and credentials encrypted under a passphrase with Web Crypto, so that the
// file can be kept anywhere (a USB stick, a mail to oneself) and the wallet restored in another browser. The key is
// derived with PBKDF2-HMAC-SHA-256 (600,000 iterations, OWASP's figure for it, and a 128-bit random salt) and the
// contents sealed with AES-256-GCM (a 96-bit random IV); the file's header (its type, version, DID and KDF settings)
// is GCM's additional data, so an edited header fails like a wrong passphrase. Web Crypto is in every browser the
// pages run in and in Node.js, so this file needs nothing vendored.
import { b64, unb64 } from './sdjwt.js';

export const TYPE = 'stele-identity-wallet-backup';
export const VERSION = 1;
export const ITERATIONS = 600_000;
/** Below this many iterations a file is refused (weak), above the maximum too (it would hang the page). */
const MIN_ITERATIONS = 100_000;
const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE = 8;

const utf8 = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

/** The header as the bytes GCM authenticates: fixed order, so that the JSON's own order does not matter. */
const header = (h) => utf8.encode(JSON.stringify([h.type, h.version, h.did, h.kdf.name, h.kdf.hash, h.kdf.iterations,
  h.kdf.salt, h.cipher.name, h.cipher.iv]));

async function aesKey(passphrase, salt, iterations, usage) {
  const base = await subtle().importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base,
    { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/**
 * The backup file (JSON text) of `contents` ({ key, credentials }) for the wallet of `did`, encrypted under
 * `passphrase`; throws a one-line error for a passphrase shorter than MIN_PASSPHRASE.
 */
export async function seal(contents, did, passphrase, iterations = ITERATIONS) {
  if (typeof passphrase !== 'string' || passphrase.length < MIN_PASSPHRASE)
    throw new Error(`the passphrase is shorter than ${MIN_PASSPHRASE} characters`);
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const h = { type: TYPE, version: VERSION, did, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: b64(salt) },
    cipher: { name: 'AES-GCM', iv: b64(iv) } };
  const key = await aesKey(passphrase, salt, iterations, 'encrypt');
  const sealed = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: header(h) }, key,
    utf8.encode(JSON.stringify(contents)));
  return `${JSON.stringify({ ...h, ciphertext: b64(new Uint8Array(sealed)) }, null, 2)}\n`;
}

/** The header of a backup file, checked; throws a one-line error naming what is wrong. */
export function readHeader(text) {
  let h;
  try {
    h = JSON.parse(text);
  } catch {
    throw new Error('not a wallet backup: the file is not JSON');
  }
  if (h?.type !== TYPE) throw new Error(`not a wallet backup: its type is not ${TYPE}`);
  if (h.version !== VERSION) throw new Error(`a wallet backup of version ${h.version}: this wallet reads version ${VERSION}`);
  if (h.kdf?.name !== 'PBKDF2' || h.kdf?.hash !== 'SHA-256' || h.cipher?.name !== 'AES-GCM')
    throw new Error('the backup is not sealed with PBKDF2-SHA-256 and AES-GCM');
  if (!Number.isInteger(h.kdf.iterations) || h.kdf.iterations < MIN_ITERATIONS || h.kdf.iterations > MAX_ITERATIONS)
    throw new Error(`the backup's PBKDF2 iterations (${h.kdf.iterations}) are not between ${MIN_ITERATIONS} and ${MAX_ITERATIONS}`);
  if (typeof h.did !== 'string' || typeof h.ciphertext !== 'string') throw new Error('the backup has no DID or no ciphertext');
  return h;
}

/**
 * The contents ({ key, credentials }) of a backup file; throws a one-line error when it is not one, and "wrong
 * passphrase" when the passphrase does not open it (GCM cannot tell that from an edited file: neither is opened).
 */
export async function open(text, passphrase) {
  const h = readHeader(text);
  let plain;
  try {
    const key = await aesKey(String(passphrase ?? ''), unb64(h.kdf.salt), h.kdf.iterations, 'decrypt');
    plain = await subtle().decrypt({ name: 'AES-GCM', iv: unb64(h.cipher.iv), additionalData: header(h) }, key,
      unb64(h.ciphertext));
  } catch {
    throw new Error('wrong passphrase (or the file was altered): nothing was imported');
  }
  const contents = JSON.parse(new TextDecoder().decode(plain));
  if (typeof contents?.key !== 'string' || !Array.isArray(contents.credentials))
    throw new Error('the backup holds no key and credentials');
  return { did: h.did, ...contents };
}
