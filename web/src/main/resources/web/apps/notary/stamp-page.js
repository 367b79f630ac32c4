// Stamp or check files: each is hashed in the browser (merkle.js: SHA-256 by crypto.subtle, or SM3) and only the hash
// is sent. One file is stamped by itself; several as one batch (the Merkle root of their hashes), each file getting
// its own proof.
import { accountsTrouble } from '../../assets/wallet.js';
import { $, blockTime, contract, documentStatus, downloadLink, events, fillAccounts, notaryProof, say, short, transact,
  wireDrop, wireNav } from './notary.js';
import { build, digest, hex, path, root } from './merkle.js';

let chosen = [];
let files = [];

async function load(list = chosen) {
  chosen = Array.from(list);
  if (chosen.length === 0) return;
  say($('status'), 'Hashing…');
  const algorithm = $('algorithm').value;
  files = await Promise.all(chosen.map(async (f) => ({ name: f.name, hash: hex(await digest(algorithm, await f.arrayBuffer())) })));
  $('files').replaceChildren(...files.map((f) => {
    const li = document.createElement('li');
    li.dataset.hash = f.hash;
    li.textContent = `${f.name}: ${f.hash}`;
    return li;
  }));
  $('stamp').disabled = !contract();
  $('check').disabled = !contract();
  $('stamp').textContent = files.length > 1 ? `Stamp ${files.length} files as a batch` : 'Stamp';
  say($('status'), contract() ? `${files.length} file(s) hashed; nothing was uploaded.`
    : 'No Notary contract: open this page with ?notary=0x…', contract() ? 'ok' : 'fail');
}

function showProof(name, proof) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.className = 'proof-link';
  downloadLink(a, `${name}.notary.json`, `${JSON.stringify(proof, null, 2)}\n`);
  a.textContent = `${name}.notary.json`;
  li.append(`${name}: block ${proof.anchorProof.blockNumber}, transaction ${short(proof.anchorProof.transactionHash)} `, a);
  $('proof-list').append(li);
  $('proofs').hidden = false;
}

async function stamp() {
  $('stamp').disabled = true;
  try {
    const from = $('from').value;
    const algorithm = $('algorithm').value;
    let receipt;
    if (files.length === 1) {
      say($('status'), `Stamping ${files[0].name}…`);
      receipt = await transact(from, 'stamp(bytes32)', files[0].hash);
      showProof(files[0].name, await notaryProof(algorithm, files[0].hash, { kind: 'hash', root: files[0].hash, index: 0, size: 1,
        path: [] }, receipt.transactionHash));
    } else {
      say($('status'), `Stamping a batch of ${files.length}…`);
      const levels = await build(files.map((f) => Uint8Array.from(f.hash.slice(2).match(/../g), (x) => parseInt(x, 16))), algorithm);
      const batchRoot = hex(root(levels));
      receipt = await transact(from, 'stampBatch(bytes32,uint256)', batchRoot, files.length);
      const proofs = await Promise.all(files.map((f, i) => notaryProof(algorithm, f.hash, { kind: 'batch', root: batchRoot, index: i,
        size: files.length, path: path(levels, i) }, receipt.transactionHash)));
      proofs.forEach((p, i) => showProof(files[i].name, p));
    }
    say($('status'), `Stamped in block ${Number(BigInt(receipt.blockNumber))}. Save the proofs below.`, 'ok');
  } catch (e) {
    say($('status'), e.message, 'fail');
  } finally {
    $('stamp').disabled = false;
  }
}

async function check() {
  try {
    const list = await events();
    const lines = [];
    for (const f of files) {
      const stamped = list.find((e) => e.event === 'Stamped' && e.hash === f.hash);
      const doc = documentStatus(list, f.hash);
      if (stamped) {
        lines.push(`${f.name} was stamped on ${await blockTime(stamped.block)} in block ${stamped.block} `
          + `by ${stamped.by}.`);
      } else if (doc) {
        lines.push(`${f.name} is a document to be signed (${doc.state}, ${doc.signed.length} of ${doc.threshold}), `
          + `created on ${await blockTime(doc.created.block)} in block ${doc.created.block} by ${doc.creator}.`);
      } else {
        lines.push(`${f.name} is not stamped by itself here (a file stamped in a batch is checked with its proof).`);
      }
    }
    say($('status'), lines.join(' '), lines.every((l) => !l.includes('not stamped')) ? 'ok' : 'fail');
  } catch (e) {
    say($('status'), e.message, 'fail');
  }
}

wireNav();
wireDrop($('drop'), $('file'), load);
$('stamp').addEventListener('click', stamp);
$('check').addEventListener('click', check);
$('algorithm').addEventListener('change', () => load());
fillAccounts($('from')).catch((e) => say($('status'), accountsTrouble(e), 'fail'));
