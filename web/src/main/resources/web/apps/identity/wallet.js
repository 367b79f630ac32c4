// /apps/identity/wallet.html: the holder's wallet. Its secp256k1 key and its credentials are kept in this browser
// (localStorage), the DID is did:ethr:<chain id>:<the key's address>. A credential arrives by link
// (wallet.html#credential=…) or paste; a verifier's challenge by link or QR code (wallet.html#n=<nonce>&aud=<the
// verifier>&vct=<type>&claims=<asked claims>). The holder ticks the claims to show, and the wallet presents only
// those disclosures with a key-binding JWT over the nonce and the audience (RFC 9901), returned to the verifier by a
// link (<aud>#vp=…) or as text to paste. A credential it receives is checked as a verifier will check it (verify.js)
// and kept only when genuine; each kept credential shows whether it is valid now. The key and the credentials can be
// exported as a passphrase-encrypted file and imported in another browser (backup.js).
import { $, chainId, el, say, short } from './chain.js';
import { open as openBackup, readHeader, seal } from './backup.js';
import { addressOf, claimsOf, didOf, hex, jwk, newKey, parse, parseJws, present, publicKeyOf, Refusal } from './sdjwt.js';
import { verifyIssued } from './verify.js';

const KEY = 'stele.identity.holderKey';
const CREDENTIALS = 'stele.identity.credentials';
/** What a credential that fails these checks is: forged or tampered (or unreadable), never worth keeping. */
const FORGED = new Set(['malformed', 'signature']);
/** The verifier's reasons for a credential that was checked and is not valid; any other failure left it unchecked. */
const REASONS = new Set([...FORGED, 'not yet valid', 'expired', 'revoked', 'suspended', 'issuer unknown']);

let key;
let publicKey;
let own;
/** Makes `hex` this wallet's key (and remembers it). */
function useKey(hexKey) {
  key = hexKey;
  localStorage.setItem(KEY, key);
  publicKey = publicKeyOf(key);
  own = jwk(publicKey);
}
useKey(localStorage.getItem(KEY) ?? newKey());
const kept = () => JSON.parse(localStorage.getItem(CREDENTIALS) ?? '[]');
/** Whether a credential is bound (cnf.jwk) to this wallet's key. */
const mine = (payload) => payload.cnf?.jwk?.x === own.x && payload.cnf?.jwk?.y === own.y;
const myDid = async () => didOf(await chainId(), addressOf(publicKey));

/**
 * What the issuer signed, checked as a verifier will (verify.js: the issuer's key as of issuance through the node's
 * DID resolver, the dates, the status bits, the trust registry): { valid: true, checks } or { valid: false, reason,
 * detail, checks }.
 */
async function validity(credential) {
  try {
    return { valid: true, checks: (await verifyIssued(credential)).checks };
  } catch (e) {
    // A check that could not run (the node out of reach, say) is named as such, not as the credential's fault.
    const r = e instanceof Refusal && REASONS.has(e.reason) ? e : new Refusal('not checked', e.detail ?? e.message);
    return { valid: false, reason: r.reason, detail: r.detail, checks: e.checks ?? [] };
  }
}

/**
 * Checks a credential (an SD-JWT VC with its disclosures) and keeps it unless it is forged, tampered with, bound to
 * another key or could not be checked; answers { payload, verdict }, or throws a one-line error and keeps nothing. A
 * credential that is genuine but not valid now (expired, revoked, suspended, not yet valid, its issuer not trusted)
 * is kept and shown as not valid: the holder sees why, and a suspension may be lifted.
 */
async function receive(text) {
  const credential = text.trim();
  let payload;
  try {
    const sd = parse(credential);
    if (sd.keyBinding) throw new Error('this is a presentation (it ends with a key-binding JWT), not a credential');
    payload = parseJws(sd.issuerJwt).payload;
  } catch (e) {
    throw new Error(`not a credential: ${e.message}`);
  }
  if (!mine(payload)) throw new Error('this credential is bound to another key (cnf), not to this wallet');
  const verdict = await validity(credential);
  if (!verdict.valid && (FORGED.has(verdict.reason) || verdict.reason === 'not checked'))
    throw new Error(`not kept: ${verdict.reason === 'not checked' ? 'it could not be checked' : 'forged or altered'} (${verdict.reason}: ${verdict.detail})`);
  const all = kept().filter((c) => c !== credential);
  all.push(credential);
  localStorage.setItem(CREDENTIALS, JSON.stringify(all));
  return { payload, verdict };
}

/** The line a receipt ends with: kept and valid, or kept and why it is not valid. */
function receipt({ payload, verdict }) {
  const kind = verdict.valid ? 'ok' : 'fail';
  const what = `Kept a ${payload.vct} from ${payload.iss}`;
  return [verdict.valid ? `${what}: valid (the issuer's signature, dates, status and trust checked).`
    : `${what}, but it is not valid: ${verdict.reason}: ${verdict.detail}.`, kind];
}

/** Fills a card's validity line once its credential is checked. */
async function showValidity(card, credential) {
  const verdict = await validity(credential);
  const line = card.querySelector('.validity');
  const unchecked = verdict.reason === 'not checked';
  line.dataset.state = verdict.valid ? 'valid' : unchecked ? 'unchecked' : 'invalid';
  line.className = `validity ${verdict.valid ? 'ok' : 'fail'}`;
  line.textContent = verdict.valid ? 'Valid: checked on chain just now'
    : unchecked ? `Not checked now: ${verdict.detail}` : `Not valid: ${verdict.reason}: ${verdict.detail}`;
  const list = el('ul', undefined, 'checks');
  list.append(...verdict.checks.map((c) => el('li', `${c.name}: ${c.detail}`, 'ok')));
  if (!verdict.valid) list.append(el('li', `${verdict.reason}: ${verdict.detail}`, 'fail'));
  const details = el('details');
  details.append(el('summary', 'What was checked'), list);
  card.querySelector('details')?.remove();
  line.after(details);
}

function showCredentials() {
  const cards = kept().map((credential, i) => {
    const { payload, claims } = claimsOf(credential);
    const card = el('div', undefined, 'credential');
    card.dataset.vct = payload.vct;
    card.append(el('h3', payload.vct));
    const line = el('p', 'Checking…', 'validity');
    line.dataset.state = 'checking';
    card.append(line);
    const facts = el('dl', undefined, 'facts');
    const fact = (name, value, className) => facts.append(el('dt', name), el('dd', value, className));
    fact('Issuer', payload.iss, 'mono');
    fact('Issued', new Date(payload.nbf * 1000).toISOString().slice(0, 10));
    if (payload.exp) fact('Expires', new Date(payload.exp * 1000).toISOString().slice(0, 10));
    for (const [name, value] of Object.entries(claims)) fact(name, JSON.stringify(value), name === 'photoHash' ? 'mono' : '');
    const remove = el('button', 'Remove', 'secondary');
    remove.type = 'button';
    remove.addEventListener('click', () => {
      localStorage.setItem(CREDENTIALS, JSON.stringify(kept().filter((_, j) => j !== i)));
      showCredentials();
    });
    card.append(facts, remove);
    showValidity(card, credential);
    return card;
  });
  $('credentials').replaceChildren(...(cards.length ? cards : [el('p', 'None yet: an issuer gives you a link.', 'hint')]));
}

/** A challenge from a link's fragment: { nonce, aud, vct, claims }; null when the fragment holds none. */
function challengeOf(fragment) {
  const q = new URLSearchParams(fragment);
  if (!q.get('n')) return null;
  const aud = q.get('aud') ?? '';
  let url;
  try {
    url = new URL(aud);
  } catch {
    throw new Error(`the challenge names no verifier address (aud "${aud}")`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`the verifier's address ${aud} is not http(s)`);
  return { nonce: q.get('n'), aud, vct: q.get('vct') ?? '', claims: (q.get('claims') ?? '').split(',').filter((c) => c) };
}

function showChallenge(challenge) {
  $('request').hidden = false;
  $('presented').hidden = true;
  say($('request-status'), '');
  const origin = new URL(challenge.aud).origin;
  $('request-text').textContent = `${origin} asks for a ${challenge.vct || 'credential'} showing: ${challenge.claims.join(', ') || 'nothing in particular'}.`;
  const matching = kept().filter((c) => !challenge.vct || claimsOf(c).payload.vct === challenge.vct);
  if (matching.length === 0) {
    $('request-credentials').replaceChildren(el('p', `You have no ${challenge.vct} credential to show.`, 'fail'));
    return;
  }
  $('request-credentials').replaceChildren(...matching.map((credential) => {
    const { payload, claims } = claimsOf(credential);
    const box = el('fieldset', undefined, 'claims');
    box.append(el('legend', `${payload.vct} from ${short(payload.iss)}`));
    for (const [name, value] of Object.entries(claims)) {
      const label = el('label');
      const tick = document.createElement('input');
      tick.type = 'checkbox';
      tick.value = name;
      tick.name = 'disclose';
      tick.checked = challenge.claims.includes(name);
      const text = el('span', `${name}: ${JSON.stringify(value)}`, challenge.claims.includes(name) ? 'wanted' : '');
      label.append(tick, text);
      if (challenge.claims.includes(name)) label.append(el('span', '(asked)', 'muted'));
      box.append(label);
    }
    const button = el('button', 'Present the ticked claims');
    button.type = 'button';
    button.className = 'present';
    button.addEventListener('click', () => {
      try {
        const chosen = [...box.querySelectorAll('input[name=disclose]:checked')].map((t) => t.value);
        const vp = present(credential, chosen, key, challenge.nonce, challenge.aud, Math.floor(Date.now() / 1000));
        const back = new URL(challenge.aud);
        back.hash = `vp=${vp}`;
        $('presented-link').href = back.toString();
        $('presentation').value = vp;
        $('presented').hidden = false;
        say($('request-status'), `Ready: ${chosen.length ? chosen.join(', ') : 'no claim'} for ${origin}, bound to its challenge. Send it.`, 'ok');
      } catch (e) {
        say($('request-status'), e.message, 'fail');
      }
    });
    box.append(button);
    return box;
  }));
}

async function handle(fragment) {
  const q = new URLSearchParams(fragment);
  if (q.get('credential')) {
    say($('paste-status'), 'Checking the credential on chain…');
    say($('paste-status'), ...receipt(await receive(q.get('credential'))));
    showCredentials();
    return;
  }
  const challenge = challengeOf(fragment);
  if (!challenge) throw new Error('neither a credential nor a challenge');
  showChallenge(challenge);
}

/** Handles a link's fragment, saying what went wrong in one line. */
async function fromFragment(fragment) {
  history.replaceState(null, '', location.pathname + location.search);
  try {
    await handle(fragment);
  } catch (e) {
    say($('paste-status'), e.message, 'fail');
  }
}

async function showWallet() {
  $('holder-did').textContent = await myDid();
  $('holder-key').textContent = `0x${hex(publicKey)}`;
  showCredentials();
}

await showWallet();
$('paste-use').addEventListener('click', async () => {
  const text = $('paste').value.trim();
  try {
    if (text.includes('#n=')) await handle(text.slice(text.indexOf('#') + 1));
    else {
      say($('paste-status'), 'Checking the credential on chain…');
      say($('paste-status'), ...receipt(await receive(text)));
      showCredentials();
    }
    $('paste').value = '';
  } catch (e) {
    say($('paste-status'), e.message, 'fail');
  }
});

// Backup: the key and the credentials, encrypted under a passphrase (backup.js), as a file the holder keeps.
$('export').addEventListener('click', async () => {
  const status = $('export-status');
  try {
    const passphrase = $('export-passphrase').value;
    if (passphrase !== $('export-repeat').value) throw new Error('the two passphrases differ');
    say(status, 'Encrypting…');
    const did = await myDid();
    const file = await seal({ key, credentials: kept() }, did, passphrase);
    const link = $('export-link');
    URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([file], { type: 'application/json' }));
    link.download = `stele-wallet-${addressOf(publicKey)}.json`;
    link.hidden = false;
    link.click();
    $('export-passphrase').value = '';
    $('export-repeat').value = '';
    say(status, `Exported the key of ${did} and ${kept().length} credential(s), encrypted with your passphrase.`, 'ok');
  } catch (e) {
    say(status, `Not exported: ${e.message}`, 'fail');
  }
});

$('import').addEventListener('click', async () => {
  const status = $('import-status');
  try {
    const file = $('import-file').files[0];
    if (!file) throw new Error('choose the backup file first');
    const text = await file.text();
    readHeader(text);
    say(status, 'Decrypting…');
    const backup = await openBackup(text, $('import-passphrase').value);
    const same = backup.key === key;
    if (!same && kept().length > 0 && !$('import-replace').checked)
      throw new Error(`this wallet holds ${kept().length} credential(s) under another key: export them first, then tick "Replace" to import`);
    if (!same) useKey(backup.key);
    const credentials = same ? [...kept(), ...backup.credentials.filter((c) => !kept().includes(c))] : backup.credentials;
    localStorage.setItem(CREDENTIALS, JSON.stringify(credentials));
    $('import-passphrase').value = '';
    $('import-replace').checked = false;
    // What was said about the wallet before is about the one replaced.
    say($('paste-status'), '');
    say($('export-status'), '');
    $('export-link').hidden = true;
    await showWallet();
    say(status, `Imported ${backup.did} with ${backup.credentials.length} credential(s).`, 'ok');
  } catch (e) {
    say(status, `Not imported: ${e.message}`, 'fail');
  }
});

if (location.hash.length > 1) await fromFragment(location.hash.slice(1));
window.addEventListener('hashchange', () => {
  const fragment = location.hash.slice(1);
  if (fragment) fromFragment(fragment);
});
