// /apps/identity/verifier.html: a dating site that lets in "verified and over 18". It makes a challenge (a random
// nonce, kept in this browser for 5 minutes and good for one accepted answer), shown as a link to the wallet and as a
// QR code of that link (../points/qr.js). The answer comes back as <this page>#vp=… or pasted; verify.js checks it
// as `stele vc verify` does (issuer key through the node's DID resolver, dates, status bits, trust registry, holder
// binding), and the site's own rule asks for a VerifiedPerson with ageOver18 true. Once accepted, the page watches
// the issuer's StatusChanged events (eth_subscribe logs) and checks the status again at each: a revocation shows at
// once.
import { subscribe } from '../../assets/rpc.js';
import { svg } from '../points/qr.js';
import { $, el, keccakHex, STATUS_LISTS } from './chain.js';
import { b64, parse, parseJws, Refusal } from './sdjwt.js';
import { statusOf, verifyPresentation } from './verify.js';
import { secp256k1 } from './noble.js';

const TYPE = 'VerifiedPerson';
const ASKED = ['ageOver18'];
const CHALLENGES = 'stele.identity.challenges';
const LIFETIME = 300;
const AUDIENCE = `${location.origin}${location.pathname}`;
const STATUS_CHANGED = keccakHex('StatusChanged(address,uint8,uint256,bool,address)');
const now = () => Math.floor(Date.now() / 1000);
/**
 * The reasons for which a presentation was checked and is refused; any other failure (the node out of reach, say)
 * left it unchecked: the page says so, and the challenge stays open for another try.
 */
const REFUSALS = new Set(['malformed', 'signature', 'not yet valid', 'expired', 'revoked', 'suspended',
  'issuer unknown', 'holder binding', 'not what this site asks']);

/** The open challenges, { nonce: made at (seconds) }, without the stale ones. */
function challenges() {
  const all = JSON.parse(localStorage.getItem(CHALLENGES) ?? '{}');
  for (const [nonce, made] of Object.entries(all)) if (now() - made > LIFETIME) delete all[nonce];
  localStorage.setItem(CHALLENGES, JSON.stringify(all));
  return all;
}

function newChallenge() {
  const nonce = b64(secp256k1.utils.randomSecretKey().slice(0, 16));
  localStorage.setItem(CHALLENGES, JSON.stringify({ ...challenges(), [nonce]: now() }));
  const fragment = new URLSearchParams({ n: nonce, vct: TYPE, claims: ASKED.join(','), aud: AUDIENCE });
  const link = new URL(`wallet.html#${fragment}`, location.href).toString();
  $('challenge-link').href = link;
  $('challenge-nonce').textContent = `challenge ${nonce}`;
  try {
    $('qr').replaceChildren(svg(link, 220));
  } catch (e) {
    $('qr').replaceChildren(el('p', `${e.message}: use the link`, 'hint'));
  }
}

let watching = null;

function show(verdict, kind, checks, failed, claims) {
  $('result').hidden = false;
  $('verdict').textContent = verdict;
  $('verdict').className = `verdict ${kind}`;
  $('checks').replaceChildren(...checks.map((c) => el('li', `${c.name}: ${c.detail}`, 'ok')),
    ...(failed ? [el('li', failed, 'fail')] : []));
  $('disclosed').replaceChildren(...Object.entries(claims ?? {}).flatMap(([name, value]) =>
    [el('dt', name), el('dd', JSON.stringify(value))]));
  $('shown').hidden = Object.keys(claims ?? {}).length === 0;
}

/** The site's rule on top of a valid presentation: a VerifiedPerson that shows ageOver18 true. */
function admit(result) {
  if (result.vct !== TYPE) throw new Refusal('not what this site asks', `a ${result.vct}, not a ${TYPE}`);
  if (!('ageOver18' in result.claims)) throw new Refusal('not what this site asks', 'ageOver18 is not shown');
  if (result.claims.ageOver18 !== true) throw new Refusal('not what this site asks', 'the person is not over 18');
}

async function check(presentation) {
  watching?.close();
  watching = null;
  $('live').textContent = '';
  let nonce;
  try {
    const sd = parse(presentation);
    nonce = sd.keyBinding ? parseJws(sd.keyBinding).payload.nonce : undefined;
  } catch {
    nonce = undefined;
  }
  const open = challenges();
  let result;
  try {
    if (nonce === undefined || !(nonce in open))
      throw new Refusal('holder binding', 'not an answer to an open challenge of this site (unknown, used or older than 5 minutes)');
    result = await verifyPresentation(presentation, { nonce, audience: AUDIENCE });
    admit(result);
  } catch (e) {
    const r = e instanceof Refusal ? e : new Refusal('error', e.message);
    if (REFUSALS.has(r.reason))
      show(`Refused: ${r.reason}`, 'fail', r.checks ?? result?.checks ?? [], `${r.reason}: ${r.detail}`, result?.claims);
    else
      show(`Not checked: ${r.detail}`, 'unchecked', r.checks ?? result?.checks ?? [], `not checked: ${r.detail}`);
    return;
  }
  delete open[nonce];
  localStorage.setItem(CHALLENGES, JSON.stringify(open));
  show('Accepted: a verified person, over 18', 'ok', result.checks, null, result.claims);
  watch(result);
  newChallenge();
}

/** Re-checks the status at every change of the issuer's status bits, for as long as the page is open. */
function watch(result) {
  const issuerTopic = `0x${result.payload.iss.split(':').at(-1).slice(2).toLowerCase().padStart(64, '0')}`;
  watching = subscribe('logs', [{ address: STATUS_LISTS, topics: [STATUS_CHANGED, issuerTopic] }], async (log) => {
    try {
      await statusOf(result.payload);
    } catch (e) {
      const r = e instanceof Refusal ? e : new Refusal('error', e.message);
      watching?.close();
      watching = null;
      show(`Refused now: ${r.reason}`, 'fail', result.checks.filter((c) => c.name !== 'status'),
        `${r.reason}: ${r.detail} (block ${BigInt(log.blockNumber)})`, result.claims);
      $('live').textContent = 'The issuer changed this credential\'s status on chain after it was accepted.';
    }
  }, (state) => {
    if (watching) $('live').textContent = state === 'live' ? 'Watching the issuer\'s status list: a revocation shows here at once.'
      : 'Reconnecting to the node…';
  });
}

$('new-challenge').addEventListener('click', newChallenge);
$('paste-check').addEventListener('click', () => check($('paste').value.trim()));
newChallenge();
async function fromFragment() {
  const q = new URLSearchParams(location.hash.slice(1));
  if (!q.get('vp')) return;
  history.replaceState(null, '', location.pathname + location.search);
  await check(q.get('vp'));
}
window.addEventListener('hashchange', fromFragment);
await fromFragment();
