// Checks a dropped charity receipt (a stele-proof/1 file) in the browser, offline, with the node's proof verifier
// (/proof/verify.js: the same checks as the Java verifier), then says which Charity events the proven receipt holds.
import { CHECKS, verifyProof } from '../../proof/verify.js';
import { receiptLogs } from '../../proof/receipt.js';
import { showChecks } from '../../proof/table.js';
import { call } from '../../assets/rpc.js';
import { decodeEvent } from './abi.js';
import { coins, wireNav } from './charity.js';

const $ = (id) => document.getElementById(id);

/** The Charity events in a raw receipt, with the contract that emitted them. */
function charityEvents(rawReceipt) {
  return receiptLogs(rawReceipt).map(({ address, topics, data }) => ({ address, event: decodeEvent(topics, data) }))
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
  showChecks($('checks'), CHECKS, result);
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
