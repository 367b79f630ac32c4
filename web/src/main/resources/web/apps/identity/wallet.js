// /apps/identity/wallet.html: the holder's wallet. Its secp256k1 key and its credentials are kept in this browser
// (localStorage), the DID is did:ethr:<chain id>:<the key's address>. A credential arrives by link
// (wallet.html#credential=…) or paste; a verifier's challenge by link or QR code (wallet.html#n=<nonce>&aud=<the
// verifier>&vct=<type>&claims=<asked claims>). The holder ticks the claims to show, and the wallet presents only
// those disclosures with a key-binding JWT over the nonce and the audience (RFC 9901), returned to the verifier by a
// link (<aud>#vp=…) or as text to paste.
import { $, chainId, el, say, short } from './chain.js';
import { addressOf, claimsOf, didOf, hex, jwk, newKey, parse, parseJws, present, publicKeyOf } from './sdjwt.js';

const KEY = 'stele.identity.holderKey';
const CREDENTIALS = 'stele.identity.credentials';

let key = localStorage.getItem(KEY);
if (!key) {
  key = newKey();
  localStorage.setItem(KEY, key);
}
const publicKey = publicKeyOf(key);
const kept = () => JSON.parse(localStorage.getItem(CREDENTIALS) ?? '[]');
const own = jwk(publicKey);
/** Whether a credential is bound (cnf.jwk) to this wallet's key. */
const mine = (payload) => payload.cnf?.jwk?.x === own.x && payload.cnf?.jwk?.y === own.y;

/** Keeps a credential (an SD-JWT VC with its disclosures) after reading it; throws a one-line error. */
function receive(text) {
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
  const all = kept().filter((c) => c !== credential);
  all.push(credential);
  localStorage.setItem(CREDENTIALS, JSON.stringify(all));
  return payload;
}

function showCredentials() {
  const cards = kept().map((credential, i) => {
    const { payload, claims } = claimsOf(credential);
    const card = el('div', undefined, 'credential');
    card.dataset.vct = payload.vct;
    card.append(el('h3', payload.vct));
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

function handle(fragment) {
  const q = new URLSearchParams(fragment);
  if (q.get('credential')) {
    const payload = receive(q.get('credential'));
    say($('paste-status'), `Kept a ${payload.vct} from ${payload.iss}.`, 'ok');
    showCredentials();
    return;
  }
  const challenge = challengeOf(fragment);
  if (!challenge) throw new Error('neither a credential nor a challenge');
  showChallenge(challenge);
}

$('holder-did').textContent = didOf(await chainId(), addressOf(publicKey));
$('holder-key').textContent = `0x${hex(publicKey)}`;
showCredentials();
$('paste-use').addEventListener('click', () => {
  const text = $('paste').value.trim();
  try {
    if (text.includes('#n=')) handle(text.slice(text.indexOf('#') + 1));
    else {
      const payload = receive(text);
      say($('paste-status'), `Kept a ${payload.vct} from ${payload.iss}.`, 'ok');
      showCredentials();
    }
    $('paste').value = '';
  } catch (e) {
    say($('paste-status'), e.message, 'fail');
  }
});
if (location.hash.length > 1) {
  const fragment = location.hash.slice(1);
  history.replaceState(null, '', location.pathname + location.search);
  try {
    handle(fragment);
  } catch (e) {
    say($('paste-status'), e.message, 'fail');
  }
}
window.addEventListener('hashchange', () => {
  const fragment = location.hash.slice(1);
  if (!fragment) return;
  history.replaceState(null, '', location.pathname + location.search);
  try {
    handle(fragment);
  } catch (e) {
    say($('paste-status'), e.message, 'fail');
  }
});
