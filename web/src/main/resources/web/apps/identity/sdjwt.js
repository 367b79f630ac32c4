// SD-JWT VCs (RFC 9901, typ dc+sd-jwt) as apps/identity's Java writes and reads them (SdJwtVc, SdJwtVerifier), with
// no DOM and no network, so that plain Node runs it too (clients/browser/test/identity-sdjwt.test.js):
// - JWS ES256K: r ‖ s (64 bytes, low s) over SHA-256 of the signing input; a verifier recovers the signer's address
//   with both recovery ids, as did-jwt does, because a did:ethr issuer named by an address has no public key;
// - disclosures [salt, name, value], base64url of the compact JSON, digest = base64url(SHA-256(ASCII of it));
// - a presentation keeps the chosen disclosures and ends with a KB-JWT (typ kb+jwt) over iat, aud, nonce and sd_hash.
// Crypto is @noble/curves and @noble/hashes, vendored in noble.js (tools/webcrypto/build.js).
import { keccak_256, secp256k1, sha256 } from './noble.js';

export const TYP = 'dc+sd-jwt';
export const KB_TYP = 'kb+jwt';
/** How far a KB-JWT's iat may be from the verifier's clock, as SdJwtVerifier.KB_WINDOW. */
export const KB_WINDOW_SECONDS = 300;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A refusal: reason is one of the Java verifier's labels (malformed, signature, revoked, holder binding, …). */
export class Refusal extends Error {
  constructor(reason, detail) {
    super(`${reason}: ${detail}`);
    this.reason = reason;
    this.detail = detail;
  }
}

export function b64(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function unb64(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) throw new Error(`not base64url: ${String(text).slice(0, 20)}`);
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
export function unhex(text) {
  const h = String(text).trim().replace(/^0x/i, '');
  if (!/^([0-9a-fA-F]{2})*$/.test(h)) throw new Error(`not hex: ${String(text).slice(0, 20)}`);
  return Uint8Array.from(h.match(/../g) ?? [], (x) => parseInt(x, 16));
}

const json = (value) => b64(utf8.encode(JSON.stringify(value)));
function unjson(part, what) {
  let value;
  try {
    value = JSON.parse(fromUtf8.decode(unb64(part)));
  } catch {
    throw new Error(`${what} is not base64url-encoded JSON`);
  }
  return value;
}

/** base64url(SHA-256(ASCII text)): a disclosure's digest and a KB-JWT's sd_hash. */
export const digest = (ascii) => b64(sha256(utf8.encode(ascii)));

// Keys and addresses.

/** A new secp256k1 private key, as hex without 0x. */
export const newKey = () => hex(secp256k1.utils.randomSecretKey());
/** The uncompressed public key (65 bytes, 0x04 ‖ x ‖ y) of a private key in hex, or of a public key in any form. */
export const publicKeyOf = (privateHex) => secp256k1.getPublicKey(unhex(privateHex), false);
export function uncompressed(publicKey) {
  const bytes = typeof publicKey === 'string' ? unhex(publicKey) : publicKey;
  try {
    return secp256k1.Point.fromBytes(bytes).toBytes(false);
  } catch {
    throw new Error('not a secp256k1 public key (33 bytes compressed or 65 uncompressed, in hex)');
  }
}
/** The Ethereum address (lower-case 0x-hex) of a public key. */
export const addressOf = (publicKey) => `0x${hex(keccak_256(uncompressed(publicKey).slice(1)).slice(12))}`;
/** did:ethr:<chain id as 0x-hex>:<address>, as DidEthr.toString writes it. */
export const didOf = (chainId, address) => `did:ethr:0x${BigInt(chainId).toString(16)}:${address.toLowerCase()}`;

/** did:ethr:<chain>:<address> → { chainId, address }; throws on anything else. */
export function parseDid(did) {
  const m = /^did:ethr:(?:(0x[0-9a-fA-F]+|[0-9]+):)?(0x[0-9a-fA-F]{40})$/.exec(String(did));
  if (!m) throw new Error(`"${did}" is not a did:ethr identifier of an address (did:ethr:0x<chain id>:0x<address>)`);
  return { chainId: m[1] ? BigInt(m[1]) : 1n, address: m[2].toLowerCase() };
}

/** A public key as an EC secp256k1 JWK, as SdJwtVc.jwk writes it. */
export function jwk(publicKey) {
  const p = uncompressed(publicKey);
  return { kty: 'EC', crv: 'secp256k1', x: b64(p.slice(1, 33)), y: b64(p.slice(33, 65)) };
}
function jwkKey(j) {
  if (!j || j.kty !== 'EC' || j.crv !== 'secp256k1') throw new Error("the holder's key (cnf.jwk) is not an EC secp256k1 JWK");
  const x = unb64(j.x);
  const y = unb64(j.y);
  if (x.length !== 32 || y.length !== 32) throw new Error("cnf.jwk's x and y are not 32 bytes each");
  return Uint8Array.of(4, ...x, ...y);
}

// JWS.

/** A compact JWS of header and payload, signed ES256K with the private key (hex). */
export function sign(header, payload, privateHex) {
  const input = `${json(header)}.${json(payload)}`;
  const signature = secp256k1.sign(utf8.encode(input), unhex(privateHex), { prehash: true, lowS: true });
  return `${input}.${b64(signature)}`;
}

/** { header, payload, input, signature } of a compact JWS; throws a one-line error when it is not one. */
export function parseJws(compact) {
  const parts = String(compact ?? '').trim().split('.');
  if (parts.length !== 3) throw new Error('not a JWT: a JWT has three parts separated by dots');
  const header = unjson(parts[0], "the JWT's header");
  const payload = unjson(parts[1], "the JWT's payload");
  if (!header || typeof header !== 'object' || !payload || typeof payload !== 'object' || Array.isArray(payload))
    throw new Error("not a JWT: its header or payload is not a JSON object");
  let signature;
  try {
    signature = unb64(parts[2]);
  } catch {
    throw new Error('not a JWT: its signature is not base64url');
  }
  return { header, payload, input: `${parts[0]}.${parts[1]}`, signature };
}

/** The addresses that may have signed an ES256K (both recovery ids) or ES256K-R JWS. */
export function signers(jws) {
  const alg = jws.header.alg;
  const message = utf8.encode(jws.input);
  let ids;
  if (alg === 'ES256K') {
    if (jws.signature.length !== 64) throw new Error(`an ES256K signature is 64 bytes, this one ${jws.signature.length}`);
    ids = [0, 1];
  } else if (alg === 'ES256K-R') {
    if (jws.signature.length !== 65) throw new Error(`an ES256K-R signature is 65 bytes, this one ${jws.signature.length}`);
    const v = jws.signature[64];
    ids = [v >= 27 ? v - 27 : v];
    if (ids[0] > 1) throw new Error(`an ES256K-R recovery id is 0 or 1, this one ${v}`);
  } else throw new Error(`the JWT is signed ${alg}; Stele verifies ES256K and ES256K-R`);
  const out = [];
  for (const id of ids) {
    try {
      const recovered = Uint8Array.of(id, ...jws.signature.slice(0, 64));
      out.push(addressOf(secp256k1.recoverPublicKey(recovered, message, { prehash: true })));
    } catch {
      // no key for this recovery id: the other may have one
    }
  }
  return out;
}

// SD-JWT.

/** One disclosure of a property, with a fresh 128-bit salt: { encoded, salt, name, value }. */
export function disclosure(name, value, salt = b64(secp256k1.utils.randomSecretKey().slice(0, 16))) {
  return { encoded: json([salt, name, value]), salt, name, value };
}

export function parseDisclosure(encoded) {
  const a = unjson(encoded, 'a disclosure');
  if (!Array.isArray(a) || (a.length !== 2 && a.length !== 3) || typeof a[0] !== 'string')
    throw new Error('a disclosure is a JSON array [salt, name, value] or [salt, value]');
  if (a.length === 2) return { encoded, salt: a[0], name: null, value: a[1] };
  if (typeof a[1] !== 'string') throw new Error("a disclosure's claim name is not a string");
  if (a[1] === '_sd' || a[1] === '...') throw new Error(`a disclosure may not name ${a[1]}`);
  return { encoded, salt: a[0], name: a[1], value: a[2] };
}

/** { issuerJwt, disclosures, keyBinding } of an SD-JWT in compact form; throws a one-line error. */
export function parse(text) {
  const parts = String(text ?? '').trim().split('~');
  if (parts.length < 2) throw new Error("not an SD-JWT: it has no ~ after the issuer's JWT");
  const disclosures = parts.slice(1, -1).map((p) => {
    if (!p) throw new Error('not an SD-JWT: an empty disclosure between two ~');
    return parseDisclosure(p);
  });
  const last = parts.at(-1);
  return { issuerJwt: parts[0], disclosures, keyBinding: last || null };
}

/** The issuer's JWT and the disclosures, each followed by ~: what sd_hash covers. */
export const withoutKeyBinding = (sd) => `${sd.issuerJwt}~${sd.disclosures.map((d) => `${d.encoded}~`).join('')}`;
export const serialize = (sd) => withoutKeyBinding(sd) + (sd.keyBinding ?? '');

/**
 * A new SD-JWT VC, as SdJwtVc.issue writes it: every claim a disclosure, their digests sorted in _sd; iss, vct, sub,
 * iat, nbf, exp, cnf.jwk and credentialStatus plain. Signed ES256K with the issuer's key (hex).
 */
export function issue({ issuer, vct, subject, claims, holderKey, notBefore, expires, status, key }) {
  const disclosures = Object.entries(claims).map(([name, value]) => disclosure(name, value));
  const p = { iss: issuer, vct, sub: subject, iat: notBefore, nbf: notBefore };
  if (expires !== undefined) p.exp = expires;
  p.cnf = { jwk: jwk(holderKey) };
  if (status) p.credentialStatus = status;
  p._sd = disclosures.map((d) => digest(d.encoded)).sort();
  p._sd_alg = 'sha-256';
  return serialize({ issuerJwt: sign({ alg: 'ES256K', typ: TYP }, p, key), disclosures, keyBinding: null });
}

/** A presentation of `credential` with only the claims named in `disclose`, bound by a KB-JWT to nonce and audience. */
export function present(credential, disclose, holderPrivateHex, nonce, audience, now) {
  const sd = parse(credential);
  const kept = sd.disclosures.filter((d) => d.name !== null && disclose.includes(d.name));
  for (const name of disclose)
    if (!kept.some((d) => d.name === name)) throw new Error(`the credential has no disclosable claim "${name}"`);
  const chosen = { issuerJwt: sd.issuerJwt, disclosures: kept, keyBinding: null };
  const kb = { iat: now, aud: audience, nonce, sd_hash: digest(withoutKeyBinding(chosen)) };
  return serialize({ ...chosen, keyBinding: sign({ alg: 'ES256K', typ: KB_TYP }, kb, holderPrivateHex) });
}

/** Every claim in a credential with all its disclosures: what a holder keeps and reads (no checks). */
export function claimsOf(credential) {
  const sd = parse(credential);
  const { payload } = parseJws(sd.issuerJwt);
  return { payload, claims: Object.fromEntries(sd.disclosures.filter((d) => d.name !== null).map((d) => [d.name, d.value])) };
}

/**
 * The checks of the shape, with SdJwtVerifier's reasons: an SD-JWT VC whose disclosures match the signed digests
 * (each once, none twice, no name the payload already has). The issuer's key, the dates, the status and the trust
 * need the chain and are the caller's (verify.js), then keyBinding. Answers { sd, jws, payload, claims, signers }:
 * the claims as disclosed, and the addresses the issuer's signature may come from.
 */
export function check(text) {
  let sd;
  let jws;
  try {
    sd = parse(text);
    jws = parseJws(sd.issuerJwt);
  } catch (e) {
    throw new Refusal('malformed', e.message);
  }
  const typ = jws.header.typ;
  if (typ !== TYP && typ !== 'vc+sd-jwt') throw new Refusal('malformed', `an SD-JWT VC's typ is ${TYP}, this one's "${typ}"`);
  const p = jws.payload;
  if ((p._sd_alg ?? 'sha-256') !== 'sha-256') throw new Refusal('malformed', `_sd_alg ${p._sd_alg}: sha-256 digests only`);
  if (typeof p.vct !== 'string' || !p.vct) throw new Refusal('malformed', 'an SD-JWT VC names its type in vct');
  let candidates;
  try {
    parseDid(p.iss);
    candidates = signers(jws);
  } catch (e) {
    throw new Refusal(e.message.startsWith('"') ? 'malformed' : 'signature', e.message);
  }
  const claims = disclose(p, sd.disclosures);
  for (const name of ['_sd_alg', 'cnf', 'credentialStatus']) delete claims[name];
  return { sd, jws, payload: p, claims, signers: candidates };
}

function disclose(payload, disclosures) {
  const byDigest = new Map();
  for (const d of disclosures) {
    const h = digest(d.encoded);
    if (byDigest.has(h)) throw new Refusal('malformed', 'the same disclosure is sent twice');
    byDigest.set(h, d);
  }
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) {
      const out = [];
      for (const e of node) {
        if (e && typeof e === 'object' && !Array.isArray(e) && Object.keys(e).length === 1 && '...' in e) {
          const d = byDigest.get(e['...']);
          if (!d) continue;
          if (seen.has(e['...'])) throw new Refusal('malformed', 'a digest appears twice in the payload');
          seen.add(e['...']);
          if (d.name !== null) throw new Refusal('malformed', 'a property disclosure is referenced as an array element');
          out.push(walk(structuredClone(d.value)));
        } else out.push(walk(e));
      }
      return out;
    }
    if (node && typeof node === 'object') {
      const { _sd: sd, ...rest } = node;
      const out = {};
      for (const [k, v] of Object.entries(rest)) out[k] = walk(v);
      if (sd !== undefined) {
        if (!Array.isArray(sd)) throw new Refusal('malformed', '_sd is not an array');
        for (const h of sd) {
          const d = byDigest.get(h);
          if (!d) continue;
          if (seen.has(h)) throw new Refusal('malformed', 'a digest appears twice in the payload');
          seen.add(h);
          if (d.name === null) throw new Refusal('malformed', 'an array-element disclosure is referenced from _sd');
          if (d.name in out) throw new Refusal('malformed', `the disclosed claim "${d.name}" is already in the payload`);
          out[d.name] = walk(structuredClone(d.value));
        }
      }
      return out;
    }
    return node;
  };
  const claims = walk(payload);
  if (seen.size !== byDigest.size)
    throw new Refusal('malformed', `${byDigest.size - seen.size} disclosure(s) match no digest the issuer signed`);
  return claims;
}

/**
 * The holder binding (RFC 9901 §7.3): a KB-JWT (typ kb+jwt) signed by cnf.jwk's key over this very presentation
 * (sd_hash), with the expected nonce and audience, made within KB_WINDOW_SECONDS of now (seconds). Answers whether
 * the presentation is bound; without a KB-JWT it must not be asked for a nonce or audience.
 */
export function keyBinding(sd, payload, nonce, audience, now) {
  if (!sd.keyBinding) {
    if (nonce !== undefined || audience !== undefined) throw new Refusal('holder binding', 'the presentation has no key-binding JWT');
    return false;
  }
  let kb;
  let holder;
  try {
    kb = parseJws(sd.keyBinding);
    holder = jwkKey(payload.cnf?.jwk);
  } catch (e) {
    throw new Refusal('holder binding', e.message);
  }
  if (kb.header.typ !== KB_TYP) throw new Refusal('holder binding', `the key-binding JWT's typ is not ${KB_TYP}`);
  if (kb.header.alg !== 'ES256K' && kb.header.alg !== 'ES256K-R')
    throw new Refusal('holder binding', `the key-binding JWT is signed ${kb.header.alg}`);
  let signed = false;
  try {
    signed = kb.signature.length >= 64
      && secp256k1.verify(kb.signature.slice(0, 64), utf8.encode(kb.input), holder, { prehash: true, lowS: true });
  } catch {
    signed = false;
  }
  if (!signed) throw new Refusal('holder binding', 'the key-binding JWT is not signed by the cnf key');
  const k = kb.payload;
  if (digest(withoutKeyBinding(sd)) !== k.sd_hash) throw new Refusal('holder binding', 'sd_hash does not match the presented SD-JWT');
  if (nonce !== undefined && k.nonce !== nonce) throw new Refusal('holder binding', `the nonce is "${k.nonce}", not "${nonce}"`);
  if (audience !== undefined && k.aud !== audience)
    throw new Refusal('holder binding', `the audience is "${k.aud}", not "${audience}"`);
  if (typeof k.iat !== 'number' || Math.abs(k.iat - now) > KB_WINDOW_SECONDS)
    throw new Refusal('holder binding', `the key-binding JWT was made at ${k.iat}, not within ${KB_WINDOW_SECONDS / 60} minutes of ${now}`);
  return true;
}
