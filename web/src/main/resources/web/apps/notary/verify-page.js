// Verifies a document against its stele-notary/1 proof in the browser, offline (check.js, on /proof/verify.js): the
// file is hashed here and never sent anywhere.
import { call } from '../../assets/rpc.js';
import { showChecks } from '../../proof/table.js';
import { CHECKS, verifyNotaryProof } from './check.js';
import { $, formatTime, wireDrop, wireNav } from './notary.js';

let file = null;
let proofText = null;

function ready() {
  $('verify').disabled = !(file && proofText);
}

function show(result) {
  $('result').hidden = false;
  $('verdict').textContent = result.ok ? 'Verified' : 'Not verified';
  $('verdict').className = `verdict ${result.ok ? 'ok' : 'fail'}`;
  if (result.ok) {
    const s = result.stamp;
    const how = result.kind === 'batch' ? `, as document ${result.index + 1} of a batch of ${result.size}`
      : result.kind === 'document' ? ', as a document to be signed' : '';
    $('summary').textContent = `This document (${result.algorithm.toUpperCase()} ${result.documentHash}) was stamped `
      + `on ${formatTime(s.time)} in block ${s.block} of chain ${result.chainId} by ${s.by}${how}, in Notary contract `
      + `${result.contract}. The block is final: ${result.sealedBy} of its ${result.validators} validators sealed it; `
      + `the chain starts at genesis ${result.genesisHash}`
      + `${result.genesisTrusted ? ' (the trusted one)' : ' (as the proof states it)'}.`
      + (result.signatures ? ` Signatures: ${result.signatures.signed.length} of the ${result.signatures.threshold} `
        + `needed from ${result.signatures.parties.length} parties${result.signatures.complete ? ' (complete)' : ''}.` : '');
  } else {
    $('summary').textContent = result.message;
  }
  const sig = result.ok ? result.signatures : null;
  $('signatures').replaceChildren(...(sig ? sig.parties.map((p) => {
    const li = document.createElement('li');
    const s = sig.signed.find((x) => x.signer === p);
    li.dataset.state = s ? 'signed' : 'awaited';
    const badge = document.createElement('span');
    badge.className = `badge ${s ? 'ok' : 'muted'}`;
    badge.textContent = s ? 'signed' : 'awaited';
    li.append(badge, p, s ? ` on ${formatTime(s.stamp.time)}, block ${s.stamp.block}` : '');
    return li;
  }) : []));
  showChecks($('checks'), CHECKS, result);
}

async function verify() {
  let proof;
  try {
    proof = JSON.parse(proofText);
  } catch (e) {
    show({ ok: false, check: 'format', message: `The proof is not JSON: ${e.message}` });
    return;
  }
  const genesisHash = $('genesis').value.trim();
  if (genesisHash && !/^0x[0-9a-fA-F]{64}$/.test(genesisHash)) {
    show({ ok: false, check: 'format', message: 'The trusted genesis hash must be 0x and 64 hex digits.' });
    return;
  }
  try {
    show(await verifyNotaryProof(await file.arrayBuffer(), proof, genesisHash ? { genesisHash } : undefined));
  } catch (e) {
    show({ ok: false, check: 'format', message: `The proof is malformed: ${e.message}` });
  }
}

async function hintGenesis() {
  try {
    const genesis = await call('eth_getBlockByNumber', ['0x0', false]);
    if (!$('genesis').value) $('genesis').placeholder = `${genesis.hash} (as this node reports it)`;
  } catch {
    // Offline or opened from a saved copy: verifying needs no node.
  }
}

wireNav();
wireDrop($('drop-file'), $('file'), (list) => {
  [file] = list;
  $('file-name').textContent = file.name;
  ready();
});
wireDrop($('drop-proof'), $('proof-file'), async (list) => {
  proofText = await list[0].text();
  $('proof-name').textContent = list[0].name;
  ready();
});
$('verify').addEventListener('click', verify);
hintGenesis();
