// A signing workflow: ask named parties to sign a document k of n, then see who has signed and who is awaited, sign as
// one of them, and make the document's proof (its creation and every signature, each with its transaction proof).
// A party signs either in a transaction of its own (sign, paying gas), or only signs (EIP-712, eth_signTypedData_v4)
// and hands the signature as a link to anyone, who submits it (signFor) and pays: the contract checks the signature,
// so the submitter cannot sign for anyone, nor alter what was signed.
import { accountsTrouble } from '../../assets/wallet.js';
import { $, blockTime, contract, documentStatus, downloadLink, events, fillAccounts, link, notaryProof, refusal, say,
  short, signTypedData, signatureRequest, transact, wireDrop, wireNav } from './notary.js';
import { hex, sha256 } from './merkle.js';

const HASH = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const SIGNATURE = /^0x[0-9a-fA-F]{130}$/;
let documentHash = null;

async function load(list) {
  const f = list[0];
  documentHash = hex(await sha256(await f.arrayBuffer()));
  $('hash').textContent = `${f.name}: ${documentHash}`;
  $('document').value = documentHash;
  $('create').disabled = !contract();
}

async function create() {
  const status = $('create-status');
  try {
    const parties = $('parties').value.split(/\s+/).map((p) => p.trim().toLowerCase()).filter((p) => p);
    const threshold = Number($('threshold').value);
    if (!Number.isInteger(threshold) || threshold < 1 || threshold > 255) throw new Error('signatures needed: 1 to 255');
    say(status, 'Sending…');
    await transact($('creator').value, 'createDocument(bytes32,address[],uint8)', documentHash, parties, threshold);
    history.replaceState(null, '', link('sign.html', { document: documentHash }));
    await refreshed(status, `Asked ${parties.length} parties to sign; ${threshold} needed.`);
  } catch (e) {
    say(status, e.message, 'fail');
  }
}

async function show() {
  const doc = $('document').value.trim().toLowerCase();
  if (!HASH.test(doc)) {
    say($('sign-status'), 'A document hash is 0x and 64 hex digits.', 'fail');
    return;
  }
  const status = documentStatus(await events(), doc);
  $('view').hidden = false;
  if (!status) {
    $('state').textContent = 'No such document';
    $('state').className = 'verdict fail';
    $('summary').textContent = `${doc} was never put up for signature in this Notary contract.`;
    $('parties-list').replaceChildren();
    return;
  }
  const words = { pending: 'Awaiting signatures', complete: 'Signed', revoked: 'Revoked', superseded: 'Superseded' };
  $('state').textContent = words[status.state];
  $('state').className = `verdict ${status.state === 'complete' ? 'ok' : status.state === 'pending' ? '' : 'fail'}`;
  $('summary').textContent = `${status.signed.length} of ${status.threshold} needed signatures from `
    + `${status.parties.length} parties; asked by ${status.creator}.`
    + (status.reason ? ` Revoked: ${status.reason}.` : '')
    + (status.newVersion ? ` Superseded by ${status.newVersion}.` : '');
  $('parties-list').replaceChildren(...status.parties.map((p) => {
    const li = document.createElement('li');
    const signed = status.signed.find((s) => s.signer === p);
    li.dataset.party = p;
    li.dataset.state = signed ? 'signed' : 'awaited';
    const badge = document.createElement('span');
    badge.className = `badge ${signed ? 'ok' : 'muted'}`;
    badge.textContent = signed ? 'signed' : 'awaited';
    li.append(badge, p, signed ? ` in block ${signed.block}${signed.relayer !== p ? `, relayed by ${short(signed.relayer)}` : ''}` : '');
    return li;
  }));
  $('history').replaceChildren(...await Promise.all(status.history.map(async (e) => {
    const li = document.createElement('li');
    const who = e.signer ?? e.by ?? e.creator ?? '';
    li.textContent = `${await blockTime(e.block)}, block ${e.block}: ${e.event}${who ? ` by ${who}` : ''}`
      + `${e.reason ? ` (${e.reason})` : ''} (transaction ${short(e.transaction)})`;
    return li;
  })));
  const open = status.state === 'pending' || status.state === 'complete';
  $('sign').disabled = !open;
  $('sign-only').disabled = !open;
  // Moves the signer on to an awaited party only when the one chosen has nothing left to sign, so a refresh never
  // changes a choice the user has just made.
  if (!status.awaited.includes($('signer').value)) {
    const awaited = status.awaited.find((p) => $('signer').querySelector(`option[value="${p}"]`));
    if (awaited) $('signer').value = awaited;
  }
}

/**
 * Says that an action is done only once the view shows its result, so that what the page says and what it shows
 * never disagree; an action that went through but could not be shown says so.
 */
async function refreshed(status, done) {
  try {
    await show();
  } catch (e) {
    say(status, `${done} The view could not be refreshed: ${e.message}`, 'fail');
    return;
  }
  say(status, done, 'ok');
}

async function sign() {
  const status = $('sign-status');
  try {
    const signer = $('signer').value;
    say(status, 'Signing…');
    await transact(signer, 'sign(bytes32)', $('document').value.trim().toLowerCase());
    await refreshed(status, `Signed as ${signer}.`);
  } catch (e) {
    say(status, e.message, 'fail');
  }
}

/** Signs without sending: the EIP-712 signature, checked against the contract by eth_call, as a link to hand over. */
async function signOnly() {
  const status = $('sign-status');
  $('signed-only').hidden = true;
  try {
    const doc = $('document').value.trim().toLowerCase();
    const signer = $('signer').value;
    say(status, 'Signing (no transaction)…');
    const signature = await signTypedData(signer, await signatureRequest(doc));
    await refusal(signer, 'signFor(bytes32,address,bytes)', doc, signer, signature);
    $('signed-link').value = new URL(link('sign.html', { document: doc, signer, signature }), location.href).href;
    $('signed-only').hidden = false;
    say(status, `Signed as ${signer}, not yet submitted: hand the link below to whoever submits it.`, 'ok');
  } catch (e) {
    say(status, e.message, 'fail');
  }
}

/** Submits a signature someone else made (signFor), paid by the submitter. */
async function submitSignature() {
  const status = $('relay-status');
  try {
    const doc = $('document').value.trim().toLowerCase();
    const signer = $('relay-signer').value.trim().toLowerCase();
    const signature = $('relay-signature').value.trim().toLowerCase();
    if (!HASH.test(doc)) throw new Error('A document hash is 0x and 64 hex digits (above).');
    if (!ADDRESS.test(signer)) throw new Error(`"${signer}" is not an address (0x and 40 hex digits)`);
    if (!SIGNATURE.test(signature)) throw new Error('A signature is 0x and 130 hex digits (65 bytes).');
    const submitter = $('submitter').value;
    say(status, 'Submitting…');
    await transact(submitter, 'signFor(bytes32,address,bytes)', doc, signer, signature);
    await refreshed(status, `Submitted ${signer}'s signature, relayed by ${submitter}.`);
  } catch (e) {
    say(status, e.message, 'fail');
  }
}

async function proof() {
  const status = $('sign-status');
  try {
    const doc = $('document').value.trim().toLowerCase();
    const s = documentStatus(await events(), doc);
    if (!s) throw new Error('no such document');
    const p = await notaryProof('sha-256', doc, { kind: 'document', root: doc, index: 0, size: 1, path: [] }, s.created.transaction,
      [...new Set(s.signed.map((x) => x.transaction))]);
    downloadLink($('download'), `${doc.slice(0, 10)}.notary.json`, `${JSON.stringify(p, null, 2)}\n`);
    say(status, `The proof holds the request and ${s.signed.length} signature(s).`, 'ok');
  } catch (e) {
    say(status, e.message, 'fail');
  }
}

wireNav();
wireDrop($('drop'), $('file'), load);
$('create').addEventListener('click', create);
$('show').addEventListener('click', () => show().catch((e) => say($('sign-status'), e.message, 'fail')));
$('sign').addEventListener('click', sign);
$('sign-only').addEventListener('click', signOnly);
$('submit-signature').addEventListener('click', submitSignature);
$('proof').addEventListener('click', proof);
Promise.all([fillAccounts($('creator')), fillAccounts($('signer')), fillAccounts($('submitter'))]).then(() => {
  const params = new URLSearchParams(location.search);
  const doc = params.get('document');
  $('relay-signer').value = params.get('signer') ?? '';
  $('relay-signature').value = params.get('signature') ?? '';
  if (doc && HASH.test(doc)) {
    $('document').value = doc;
    // Opened from a handed signature link: what its reader came to do is submit it.
    return show().then(() => params.has('signature') && $('submit-signature').focus());
  }
  return undefined;
}).catch((e) => say($('sign-status'), accountsTrouble(e), 'fail'));
