// The receipt checker: reads a stele-proof/1 file and runs the offline verifier (verify.js, the same checks as the
// Java verifier) in the browser. The node that served the page is asked at most for its genesis hash, as a hint.
import { verifyProof, CHECKS } from './verify.js';
import { call } from '../assets/rpc.js';

const $ = (id) => document.getElementById(id);

async function hintGenesis() {
  try {
    const genesis = await call('eth_getBlockByNumber', ['0x0', false]);
    if (!$('genesis').value) $('genesis').placeholder = `${genesis.hash} (as this node reports it)`;
  } catch {
    // Opened offline or from a file: there is no node to ask, and the checker needs none.
  }
}

function show(result) {
  $('result').hidden = false;
  $('verdict').textContent = result.ok ? 'Valid receipt' : 'Not a valid receipt';
  $('verdict').className = `verdict ${result.ok ? 'ok' : 'fail'}`;
  $('summary').textContent = result.ok ? result.summary : result.message;
  const failedAt = result.ok ? CHECKS.length : CHECKS.findIndex(([name]) => name === result.check);
  const rows = CHECKS.map(([name, means], i) => {
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
  });
  $('checks').tBodies[0].replaceChildren(...rows);
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
  show(verifyProof(doc, genesisHash ? { genesisHash } : undefined));
}

async function load(file) {
  $('text').value = await file.text();
  check();
}

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
