// Verifying an SD-JWT VC presentation in the browser with the checks `stele vc verify` makes (CredentialVerifier and
// SdJwtVerifier, docs/identity.md "How a verifier decides"), with the same reasons (the disclosures are matched
// before the signature is checked, where Java checks the signature first), each answered from the node that served
// the page:
// 1. malformed: an SD-JWT VC whose disclosures match the digests the issuer signed (sdjwt.js);
// 2. signature: the issuer's DID resolved through the node's W3C resolver (GET /1.0/identifiers/{did}) as of the
//    issuance (versionTime = nbf, else iat), as stele vc verify does; a signer the ES256K signature recovers to must be
//    one of that document's assertionMethod keys (#controller, #delegate-N);
// 3. not yet valid / expired: nbf (or iat) and exp against this browser's clock;
// 4. revoked / suspended: each status entry must name a list of the issuer itself; the whole list is read from the
//    node (GET /identity/status/…, the bits as chain state), so the node does not learn which credential is checked;
// 5. issuer unknown: TrustRegistry.trustedAt(issuer, vct, issuance time), one eth_call;
// 6. holder binding: the KB-JWT over this nonce and audience, signed by the holder's key in cnf (sdjwt.js).
// Checks 1 to 5 are verifyIssued, which the wallet runs on a credential it receives; the verifier adds 6.
import { nodeFetch } from '../../assets/rpc.js';
import { chainId, LIST_SIZE, trustedAt, TRUST_REGISTRY } from './chain.js';
import { check, keyBinding, parseDid, Refusal, unb64 } from './sdjwt.js';

/** The issuer's addresses that could sign credentials at `seconds`: its document's assertionMethod keys then. */
export async function assertionAddresses(did, seconds) {
  const at = encodeURIComponent(new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const response = await nodeFetch(`/1.0/identifiers/${did}?versionTime=${at}`,
    { headers: { accept: 'application/ld+json' }, cache: 'no-store' });
  let result = null;
  try {
    result = await response.json();
  } catch {
    // reported below
  }
  if (response.status === 410) throw new Refusal('signature', `the issuer ${did} is deactivated`);
  if (!response.ok || !result?.didDocument)
    throw new Refusal('signature', `the issuer ${did} does not resolve (${result?.didResolutionMetadata?.error ?? `HTTP ${response.status}`})`);
  const doc = result.didDocument;
  const refs = new Set((doc.assertionMethod ?? []).map((m) => (typeof m === 'string' ? m : m.id)));
  const out = new Set();
  for (const m of doc.verificationMethod ?? []) {
    if (!refs.has(m.id) || typeof m.blockchainAccountId !== 'string') continue;
    out.add(m.blockchainAccountId.split(':').at(-1).toLowerCase());
  }
  for (const m of doc.assertionMethod ?? []) {
    if (typeof m === 'object' && typeof m.blockchainAccountId === 'string') out.add(m.blockchainAccountId.split(':').at(-1).toLowerCase());
  }
  return out;
}

/** The bits of one list as the node serves them: the GZIP of 16 KB, bit 0 the most significant bit of byte 0. */
export async function statusList(path) {
  const response = await nodeFetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Refusal('malformed', `the status list ${path} answered HTTP ${response.status}`);
  const encoded = (await response.json())?.credentialSubject?.encodedList;
  if (typeof encoded !== 'string' || !encoded.startsWith('u'))
    throw new Refusal('malformed', `the status list ${path} has no multibase (u…) encodedList`);
  const stream = new Blob([unb64(encoded.slice(1))]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const STATUS_PATH = /\/identity\/status\/(0x[0-9a-fA-F]{40})\/(revocation|suspension)\/([0-9]{1,12})$/;

/** Refuses when an entry's bit is set; only the issuer's own lists count. */
async function checkStatus(issuer, entry) {
  if (entry?.type !== 'BitstringStatusListEntry')
    throw new Refusal('malformed', `credentialStatus of type "${entry?.type}": only BitstringStatusListEntry is checked`);
  const m = STATUS_PATH.exec(String(entry.statusListCredential ?? ''));
  const index = Number(entry.statusListIndex);
  if (!m || m[1].toLowerCase() !== issuer || m[2] !== entry.statusPurpose)
    throw new Refusal('malformed', `the status entry points at ${entry.statusListCredential}, not a ${entry.statusPurpose} list of the issuer`);
  if (!Number.isInteger(index) || index < 0 || index >= LIST_SIZE)
    throw new Refusal('malformed', `statusListIndex ${entry.statusListIndex} is not an index of a list of ${LIST_SIZE}`);
  // The list is read from the node that served this page, whichever host the credential names: its bits are chain
  // state, the same on every node, and the page may reach no other origin.
  const bits = await statusList(`/identity/status/${m[1].toLowerCase()}/${m[2]}/${m[3]}`);
  if ((bits[index >> 3] >> (7 - (index & 7))) & 1) {
    throw new Refusal(m[2] === 'revocation' ? 'revoked' : 'suspended',
      `${m[2]} bit ${index} of ${entry.statusListCredential} is set on chain`);
  }
}

/** Refuses when a status bit of the credential (its signed payload) is set now; answers what it checked. */
export async function statusOf(payload) {
  const issuer = parseDid(payload.iss);
  const entries = payload.credentialStatus === undefined ? [] : [].concat(payload.credentialStatus);
  for (const e of entries) await checkStatus(issuer.address, e);
  return entries.length ? `${entries.map((e) => `${e.statusPurpose} bit ${e.statusListIndex}`).join(', ')} clear on chain` : 'no status entry';
}

/**
 * Runs the checks in order, each `[name, fn]`; answers the list of what passed ({ name, detail }), or throws a Refusal
 * (reason, detail) at the first check that fails, with what passed before it in refusal.checks.
 */
async function run(steps, checks = []) {
  for (const [name, fn] of steps) {
    try {
      checks.push({ name, detail: await fn() });
    } catch (e) {
      const refusal = e instanceof Refusal ? e : new Refusal(name, e.message);
      refusal.checks = checks;
      throw refusal;
    }
  }
  return checks;
}

/**
 * The checks of what an issuer signed, whoever holds it (checks 1 to 5 above): the shape and disclosures, the
 * issuer's signature by a key of its DID as of issuance, the dates at `now` (seconds), the status bits and the trust
 * registry. The wallet runs them on a credential it receives, the verifier on a presentation before the holder
 * binding. Answers { c (sdjwt.js check), checks }; throws a Refusal with refusal.checks.
 */
export async function verifyIssued(text, { now = Math.floor(Date.now() / 1000) } = {}) {
  let c;
  let issuer;
  let issued;
  const checks = await run([
    ['well-formed SD-JWT VC', () => {
      c = check(text);
      issuer = parseDid(c.payload.iss);
      issued = Number(c.payload.nbf ?? c.payload.iat);
      return `${c.sd.disclosures.length} disclosure(s), each signed by the issuer`;
    }],
    ['issuer signature', async () => {
      const p = c.payload;
      if (!Number.isFinite(issued)) throw new Refusal('malformed', 'neither nbf nor iat says when');
      const chain = await chainId();
      if (issuer.chainId !== chain) throw new Refusal('signature', `the issuer ${p.iss} is a DID of chain ${issuer.chainId}, this node's is ${chain}`);
      const keys = await assertionAddresses(p.iss, issued);
      const signer = c.signers.find((a) => keys.has(a));
      if (!signer) throw new Refusal('signature', `not signed by a key of ${p.iss} (neither its owner nor a valid veriKey/sigAuth delegate)`);
      return `signed by ${signer}, a key of ${p.iss} when it issued (resolved through /1.0/identifiers)`;
    }],
    ['dates', () => {
      const p = c.payload;
      if (now < issued) throw new Refusal('not yet valid', `valid from ${new Date(issued * 1000).toISOString()}`);
      if (p.exp !== undefined && now >= Number(p.exp)) throw new Refusal('expired', `expired at ${new Date(p.exp * 1000).toISOString()}`);
      return `issued ${new Date(issued * 1000).toISOString()}${p.exp ? `, expires ${new Date(p.exp * 1000).toISOString()}` : ''}`;
    }],
    ['status', () => statusOf(c.payload)],
    ['trusted issuer', async () => {
      const p = c.payload;
      if (!(await trustedAt(issuer.address, p.vct, issued)))
        throw new Refusal('issuer unknown', `${p.iss} was not a trusted issuer of ${p.vct} at ${new Date(issued * 1000).toISOString()} (TrustRegistry ${TRUST_REGISTRY})`);
      return `admitted for ${p.vct} in TrustRegistry when it issued`;
    }],
  ]);
  return { c, checks };
}

/**
 * Verifies a presentation for a verifier that sent `nonce` and names itself `audience`; `now` in seconds: what the
 * issuer signed (verifyIssued), then the holder binding. Answers { issuer, vct, claims, checks } where checks lists
 * what passed; throws a Refusal (reason, detail) at the first check that fails, with what passed before it in
 * refusal.checks.
 */
export async function verifyPresentation(text, { nonce, audience, now = Math.floor(Date.now() / 1000) }) {
  const { c, checks } = await verifyIssued(text, { now });
  const p = c.payload;
  await run([['holder binding', () => {
    keyBinding(c.sd, p, nonce, audience, now);
    return `presented by the holder's key (cnf) for this challenge (nonce and audience)`;
  }]], checks);
  const claims = { ...c.claims };
  for (const name of ['iss', 'vct', 'sub', 'iat', 'nbf', 'exp']) delete claims[name];
  return { issuer: p.iss, vct: p.vct, subject: p.sub, claims, checks, payload: p };
}
