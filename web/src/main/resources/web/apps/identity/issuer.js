// /apps/identity/issuer.html: an operator checks a person and issues a VerifiedPerson SD-JWT VC (name, birthDate,
// ageOver18, photoHash, each a disclosure the holder may show or keep back), signed ES256K by a key kept in this
// browser that the issuer's DID names as a veriKey delegate; the credential's status index is allocated on chain
// (StatusLists.allocate, from the DID's owner) and revoking sets its bit (StatusLists.setStatus). The photo is hashed
// here (Web Crypto) and never leaves the browser; nothing personal is sent to the node.
import {
  $, chainId, delegateUntil, el, encode, identityOwner, isSet, keccakHex, LIST_SIZE, REGISTRY, say, signers, STATUS_LISTS,
  transact, trustedAt, validDelegate,
} from './chain.js';
import { addressOf, didOf, hex, issue, newKey, publicKeyOf, uncompressed } from './sdjwt.js';

const TYPE = 'VerifiedPerson';
const DELEGATE_DAYS = 365;
const VALID_DAYS = 365;
const INDEX_ALLOCATED = keccakHex('IndexAllocated(address,uint256,address)');
const now = () => Math.floor(Date.now() / 1000);

const issuer = () => $('issuer').value;
/** The signing key this browser keeps for an issuer (hex), made on first use. */
function signingKey(address) {
  const name = `stele.identity.issuerKey.${address}`;
  let key = localStorage.getItem(name);
  if (!key) {
    key = newKey();
    localStorage.setItem(name, key);
  }
  return key;
}
const keyAddress = (address) => addressOf(publicKeyOf(signingKey(address)));
const issuedKey = (address) => `stele.identity.issued.${address}`;
const issuedList = (address) => JSON.parse(localStorage.getItem(issuedKey(address)) ?? '[]');

async function keyIsDelegate(address) {
  const key = keyAddress(address);
  return (await identityOwner(address)) === key || validDelegate(address, 'veriKey', key);
}

/**
 * When this browser's key stops signing for the issuer: no credential it signs is dated later, and the page keeps
 * every credential's expiry within the delegation that signed it.
 */
async function keyUntil(address) {
  if ((await identityOwner(address)) === keyAddress(address)) return Infinity;
  return delegateUntil(address, 'veriKey', keyAddress(address));
}

const until = (seconds) => (seconds === Infinity ? 'it changes owner' : new Date(seconds * 1000).toISOString().slice(0, 10));

async function showIssuer() {
  const address = issuer();
  const did = didOf(await chainId(), address);
  $('issuer-did').textContent = did;
  const trusted = await trustedAt(address, TYPE, now());
  $('issuer-trust').textContent = trusted ? `${TYPE}: admitted in the trust registry`
    : `not admitted for ${TYPE}: the chain's operators admit issuers (stele vc trust admit --issuer ${did} --type ${TYPE})`;
  $('issuer-trust').className = trusted ? 'ok' : 'fail';
  $('key-address').textContent = keyAddress(address);
  const delegate = await keyIsDelegate(address);
  $('key-delegate').textContent = delegate
    ? `yes, until ${until(await keyUntil(address))}: verifiers accept its signatures` : 'not yet';
  $('key-delegate').className = delegate ? 'ok' : 'fail';
  $('authorise').disabled = delegate;
  await showIssued();
}

async function showIssued() {
  const address = issuer();
  const rows = [];
  for (const item of issuedList(address).reverse()) {
    const revoked = await isSet(address, 'revocation', item.index);
    const tr = el('tr');
    tr.dataset.index = String(item.index);
    const action = el('td');
    if (!revoked) {
      const button = el('button', 'Revoke', 'secondary');
      button.type = 'button';
      button.dataset.revoke = String(item.index);
      button.addEventListener('click', () => revoke(item.index));
      action.append(button);
    }
    tr.append(el('td', String(item.index)), el('td', item.holder, 'mono'),
      el('td', new Date(item.issued * 1000).toISOString().slice(0, 16).replace('T', ' ')),
      el('td', revoked ? 'revoked' : 'valid', revoked ? 'fail' : 'ok'), action);
    rows.push(tr);
  }
  $('issued').tBodies[0].replaceChildren(...rows);
}

async function revoke(index) {
  const status = $('revoke-status');
  try {
    say(status, `Revoking credential ${index}…`);
    const receipt = await transact(issuer(), STATUS_LISTS, encode('setStatus(address,uint8,uint256,bool)', issuer(), 0, index, true));
    await showIssued();
    say(status, `Revoked credential ${index} in block ${BigInt(receipt.blockNumber)}: its revocation bit is set on chain.`, 'ok');
  } catch (e) {
    say(status, e.message, 'fail');
    await showIssued();
  }
}

/** Whole years between a YYYY-MM-DD birth date and today (UTC). */
function age(birthDate, today = new Date()) {
  const [y, m, d] = birthDate.split('-').map(Number);
  let years = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) years--;
  return years;
}

let photoHash = null;
$('photo').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  photoHash = null;
  $('photo-hash').textContent = '';
  if (!file) return;
  photoHash = `sha-256:${hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())))}`;
  $('photo-hash').textContent = photoHash;
});

$('holder-key').addEventListener('input', async () => {
  try {
    $('holder-did').textContent = `Holder: ${didOf(await chainId(), addressOf($('holder-key').value.trim()))}`;
  } catch {
    $('holder-did').textContent = '';
  }
});

$('issue-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = $('issue-status');
  $('issued-out').hidden = true;
  try {
    const address = issuer();
    let holderKey;
    try {
      holderKey = uncompressed($('holder-key').value.trim());
    } catch (e) {
      throw new Error(`the wallet key: ${e.message}`);
    }
    const name = $('name').value.trim();
    const birthDate = $('birth-date').value;
    if (!name) throw new Error('the name is empty');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || age(birthDate) < 0) throw new Error('the birth date is not a date in the past');
    if (!photoHash) throw new Error('no photo: take or choose the photo of the check first');
    if (!$('checked').checked) throw new Error('confirm that you checked the document and the person');
    if (!(await keyIsDelegate(address))) throw new Error("this browser's key is not a delegate of the DID yet: authorise it first");
    const chain = await chainId();
    say(status, 'Allocating a status index on chain…');
    const receipt = await transact(address, STATUS_LISTS, encode('allocate(address)', address));
    const log = receipt.logs.find((l) => l.address.toLowerCase() === STATUS_LISTS && l.topics[0] === INDEX_ALLOCATED);
    const index = Number(BigInt(log.topics[2]));
    const list = `${location.origin}/identity/status/${address}/revocation/${Math.floor(index / LIST_SIZE)}`;
    const position = index % LIST_SIZE;
    const notBefore = now();
    const expires = Math.min(notBefore + VALID_DAYS * 86400, await keyUntil(address));
    const holder = didOf(chain, addressOf(holderKey));
    const credential = issue({
      issuer: didOf(chain, address), vct: TYPE, subject: holder,
      claims: { name, birthDate, ageOver18: age(birthDate) >= 18, photoHash },
      holderKey, notBefore, expires,
      status: { id: `${list}#${position}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
        statusListIndex: String(position), statusListCredential: list },
      key: signingKey(address),
    });
    const items = issuedList(address);
    items.push({ index, holder, issued: notBefore });
    localStorage.setItem(issuedKey(address), JSON.stringify(items));
    $('issued-link').href = `wallet.html#credential=${credential}`;
    $('issued-credential').value = credential;
    $('issued-out').hidden = false;
    await showIssued();
    say(status, `Issued ${TYPE} to ${holder}, status index ${index}${age(birthDate) >= 18 ? '' : ' (under 18: ageOver18 is false)'}.`, 'ok');
  } catch (e) {
    say(status, e.message, 'fail');
  }
});

$('authorise').addEventListener('click', async () => {
  const status = $('key-status');
  try {
    const address = issuer();
    say(status, 'Adding this key as a veriKey delegate of the DID…');
    await transact(address, REGISTRY, encode('addDelegate(address,bytes32,address,uint256)', address, 'veriKey',
      keyAddress(address), DELEGATE_DAYS * 86400));
    // The page shows the key as a delegate before it says done, so what it says done about is on screen.
    await showIssuer();
    say(status, `This browser's key signs for the DID for ${DELEGATE_DAYS} days.`, 'ok');
  } catch (e) {
    say(status, e.message, 'fail');
  }
});

try {
  const { kind, accounts } = await signers();
  $('issuer').replaceChildren(...accounts.map((a, i) => {
    const option = el('option', `${kind === 'dev' ? `dev account ${i}` : 'wallet'} ${a}`);
    option.value = a;
    return option;
  }));
  const wanted = new URLSearchParams(location.search).get('issuer')?.toLowerCase();
  if (wanted && accounts.includes(wanted)) $('issuer').value = wanted;
  if (accounts.length === 0) throw new Error('no account to issue as: this node has no dev accounts and the browser no wallet');
  $('issuer').addEventListener('change', showIssuer);
  await showIssuer();
} catch (e) {
  say($('issuer-status'), e.message, 'fail');
}
