// Checks a dropped charity receipt (a stele-proof/1 file) in the browser, offline, with the node's proof verifier
// (/proof/verify.js: the same checks as the Java verifier), then says which Charity events the proven receipt holds.
import { CHECKS, verifyProof } from '../../proof/verify.js';
import { call } from '../../assets/rpc.js';
import { decodeEvent } from './abi.js';
import { coins, wireNav } from './charity.js';

const $ = (id) => document.getElementById(id);

const bytes = (hex) => Uint8Array.from(hex.slice(2).match(/../g) ?? [], (h) => parseInt(h, 16));
const hex = (b) => `0x${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;

/** Minimal RLP: an item is a Uint8Array or an array of items. Only used on a receipt the verifier accepted. */
function rlp(data, start = 0) {
  const b = data[start];
  const length = (from, n) => Number(data.slice(from, from + n).reduce((acc, x) => acc * 256n + BigInt(x), 0n));
  if (b < 0x80) return [data.slice(start, start + 1), start + 1];
  if (b < 0xb8) return [data.slice(start + 1, start + 1 + b - 0x80), start + 1 + b - 0x80];
  if (b < 0xc0) {
    const n = b - 0xb7;
    const len = length(start + 1, n);
    return [data.slice(start + 1 + n, start + 1 + n + len), start + 1 + n + len];
  }
  let from;
  let end;
  if (b < 0xf8) {
    from = start + 1;
    end = from + b - 0xc0;
  } else {
    const n = b - 0xf7;
    from = start + 1 + n;
    end = from + length(start + 1, n);
  }
  const items = [];
  while (from < end) {
    const [item, next] = rlp(data, from);
    items.push(item);
    from = next;
  }
  return [items, end];
}

/** The Charity events in a raw receipt (type byte first for typed transactions), with the contract that emitted them. */
function charityEvents(rawReceipt) {
  let data = bytes(rawReceipt);
  if (data[0] < 0x7f) data = data.slice(1);
  const [[, , , logs]] = rlp(data);
  return logs.map(([address, topics, body]) => ({ address: hex(address), event: decodeEvent(topics.map(hex), hex(body)) }))
    .filter((l) => l.event);
}

function describe({ address, event: e }) {
  const text = {
    Donated: () => `A donation (#${e.donation}) of ${coins(e.amount)} by ${e.donor} to campaign ${e.campaign}`,
    Disbursed: () => `Disbursement #${e.disbursement} of ${coins(e.amount)} from campaign ${e.campaign} to `
      + `${e.beneficiary}, with evidence ${e.evidenceHash} at ${e.evidenceUri}`,
    DeliveryConfirmed: () => `Delivery of disbursement #${e.disbursement} confirmed by the beneficiary ${e.beneficiary}`,
    Refunded: () => `A refund of ${coins(e.amount)} to ${e.donor} from campaign ${e.campaign}`,
    CampaignCreated: () => `Campaign ${e.campaign} "${e.title}" started, goal ${coins(e.goal)}`,
    BeneficiaryAdded: () => `Beneficiary ${e.name} (${e.beneficiary}) named in campaign ${e.campaign}`,
    OrganisationRegistered: () => `Organisation ${e.organisation} "${e.name}" registered, admin ${e.admin}`,
  }[e.event]();
  return `${text}; recorded by contract ${address}.`;
}

function show(result, doc) {
  $('result').hidden = false;
  $('verdict').textContent = result.ok ? 'Valid receipt' : 'Not a valid receipt';
  $('verdict').className = `verdict ${result.ok ? 'ok' : 'fail'}`;
  $('summary').textContent = result.ok ? result.summary : result.message;
  const records = result.ok ? charityEvents(doc.rawReceipt) : [];
  $('proves-title').hidden = records.length === 0;
  $('proves').replaceChildren(...records.map((r) => {
    const li = document.createElement('li');
    li.textContent = describe(r);
    return li;
  }));
  const failedAt = result.ok ? CHECKS.length : CHECKS.findIndex(([name]) => name === result.check);
  $('checks').tBodies[0].replaceChildren(...CHECKS.map(([name, means], i) => {
    const row = document.createElement('tr');
    row.dataset.check = name;
    const state = i < failedAt ? ['passed', 'ok'] : i === failedAt ? ['failed', 'fail'] : ['not reached', 'muted'];
    for (const [text, cls] of [[name, 'mono'], [means, ''], state]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    return row;
  }));
}

function check() {
  let doc;
  try {
    doc = JSON.parse($('text').value);
  } catch (e) {
    show({ ok: false, check: 'format', message: `The receipt is not JSON: ${e.message}` });
    return;
  }
  const genesisHash = $('genesis').value.trim();
  if (genesisHash && !/^0x[0-9a-fA-F]{64}$/.test(genesisHash)) {
    show({ ok: false, check: 'genesis', message: 'The trusted genesis hash must be 0x and 64 hex digits.' });
    return;
  }
  show(verifyProof(doc, genesisHash ? { genesisHash } : undefined), doc);
}

async function load(file) {
  $('text').value = await file.text();
  check();
}

async function hintGenesis() {
  try {
    const genesis = await call('eth_getBlockByNumber', ['0x0', false]);
    if (!$('genesis').value) $('genesis').placeholder = `${genesis.hash} (as this node reports it)`;
  } catch {
    // Offline or opened from elsewhere: the check needs no node.
  }
}

wireNav();
$('check').addEventListener('click', check);
$('file').addEventListener('change', (e) => e.target.files[0] && load(e.target.files[0]));
const drop = $('drop');
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]);
});
hintGenesis();
