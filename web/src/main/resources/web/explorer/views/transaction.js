// One transaction: status and the revert reason, what it moved and what it cost, its input and logs decoded where the
// ABI is known, its internal calls, and its receipt proof to download once it is final.
import { RpcError, call, quantity } from '../../assets/rpc.js';
import { decodeInput, decodeLog, revertReason } from '../abi.js';
import { NotFound, card, fields, h, table } from '../dom.js';
import { addressLink, age, blockLink, bytesOrText, coin, gwei, thousands, units } from '../format.js';

const TYPES = { '0x0': 'legacy', '0x1': 'EIP-2930 (access list)', '0x2': 'EIP-1559', '0x3': 'EIP-4844 (blob)' };

export async function transaction(hash) {
  const [tx, receipt] = await Promise.all([call('eth_getTransactionByHash', [hash]), call('eth_getTransactionReceipt', [hash])]);
  if (!tx) throw new NotFound(`This node knows no transaction ${hash}.`);
  if (!receipt) {
    return {
      title: 'Pending transaction',
      nodes: [h('section', { class: 'card' }, h('h1', {}, 'Transaction'), h('p', {}, h('span', { class: 'status' }, 'pending'),
        ' in the pool: not in a block yet. This page shows it once a block holds it; reload then.'),
      fields(basics(tx)))],
    };
  }
  const success = receipt.status === '0x1';
  const [block, error, internal, trace] = await Promise.all([
    call('eth_getBlockByHash', [receipt.blockHash, false]),
    success ? null : call('ots_getTransactionError', [hash]).catch(() => null),
    call('ots_getInternalOperations', [hash]).catch(() => []),
    call('ots_traceTransaction', [hash]).catch(() => null),
  ]);
  const fee = quantity(receipt.gasUsed) * quantity(receipt.effectiveGasPrice);

  const proofButton = h('button', { type: 'button', id: 'download-proof', class: 'secondary', onclick: () => downloadProof(hash, proofButton) },
    'Download receipt proof');
  const decoded = decodeInput(tx.input);
  return {
    title: `Transaction ${hash.slice(0, 10)}…`,
    nodes: [
      h('section', { class: 'card' }, h('h1', {}, 'Transaction'),
        h('p', { class: 'verdict' }, success ? h('span', { class: 'ok', id: 'tx-status' }, '✓ Succeeded') : h('span', { class: 'fail', id: 'tx-status' }, '✗ Failed')),
        success ? null : h('p', { id: 'revert-reason' }, 'Reverted: ', h('span', { class: 'mono' }, revertReason(error))),
        fields([
          ['Hash', h('span', { class: 'mono' }, hash)],
          ['Block', [blockLink(receipt.blockNumber), ' · ', age(block.timestamp), ` · position ${quantity(receipt.transactionIndex)}`]],
          ...basics(tx),
          ['Created contract', receipt.contractAddress ? addressLink(receipt.contractAddress, 20) : null],
          ['Gas used', `${thousands(receipt.gasUsed)} of ${thousands(tx.gas)}`],
          ['Gas price paid', gwei(receipt.effectiveGasPrice)],
          ['Fee', coin(fee)],
        ]),
        h('p', {}, proofButton, ' ', h('span', { class: 'muted', id: 'proof-note' },
          'A file anyone can check offline against the validators\' seals, at ', h('a', { href: '../proof/' }, 'Check a receipt'), '.'))),
      card('Input', decoded ? callView(decoded) : null, h('pre', { class: 'code mono', id: 'input' }, tx.input === '0x' ? '(none)' : tx.input)),
      card(`Logs (${receipt.logs.length})`, receipt.logs.length === 0 ? h('p', { class: 'muted empty' }, 'This transaction emitted no logs.') : receipt.logs.map(logView)),
      card('Value moved inside', table(['Type', 'From', 'To', 'Value'],
        internal.map((op) => [['transfer', 'self-destruct', 'create', 'create2'][op.type] ?? String(op.type), addressLink(op.from), addressLink(op.to), coin(op.value)]),
        'No value moved between contracts inside this transaction.')),
      card('Call tree', callTree(trace)),
    ],
  };
}

function basics(tx) {
  return [
    ['From', addressLink(tx.from, 20)],
    ['To', tx.to ? addressLink(tx.to, 20) : h('span', { class: 'tag' }, 'contract creation')],
    ['Value', coin(tx.value)],
    ['Nonce', thousands(tx.nonce)],
    ['Type', TYPES[tx.type] ?? tx.type],
  ];
}

function argValue([, value, kind]) {
  if (kind === 'address') return addressLink(value, 20);
  if (kind === 'amount') return h('span', { title: `${units(value)} if the token has 18 decimals` }, `${thousands(value)} (raw token units)`);
  if (kind === 'block') return value === 0n ? 'none (first change)' : blockLink(value);
  if (kind === 'time') return value === 0n ? 'revoked' : age(value);
  if (kind === 'bool') return value ? 'true' : 'false';
  if (kind === 'bytes') return bytesOrText(value);
  if (typeof value === 'bigint') return thousands(value);
  return h('span', { class: 'mono' }, String(value));
}

function callView(decoded) {
  return [h('p', {}, 'Calls ', h('strong', { class: 'mono' }, decoded.name)), fields(decoded.args.map((a) => [a[0], argValue(a)]))];
}

/**
 * Every call, creation and self-destruct the transaction made, as ots_traceTransaction lists them (depth first), indented
 * by depth: the frame's kind, its caller and callee, the value it moved and the function it called where the ABI is
 * known.
 */
function callTree(trace) {
  if (trace === null) return h('p', { class: 'muted empty' }, 'The node could not replay this transaction for its calls.');
  if (trace.length <= 1) return h('p', { class: 'muted empty' }, 'This transaction made no calls beyond its own.');
  return h('ol', { class: 'call-tree', id: 'call-tree' }, trace.map((frame) => {
    const decoded = frame.input && frame.type !== 'CREATE' && frame.type !== 'CREATE2' ? decodeInput(frame.input) : null;
    const selector = frame.input && frame.input.length >= 10 ? frame.input.slice(0, 10) : null;
    const value = frame.value && BigInt(frame.value) !== 0n ? [' · ', coin(frame.value)] : null;
    return h('li', { class: 'call', 'data-depth': String(Math.min(frame.depth, 8)) },
      h('span', { class: 'tag' }, frame.type), ' ', addressLink(frame.from), ' → ', frame.to ? addressLink(frame.to) : '(none)',
      decoded ? [' · ', h('strong', { class: 'mono' }, decoded.name)] : selector ? [' · ', h('span', { class: 'mono muted' }, selector)] : null,
      value);
  }));
}

function logView(log) {
  const decoded = decodeLog(log);
  return h('div', { class: 'log' },
    h('p', {}, h('span', { class: 'tag' }, `#${quantity(log.logIndex)}`), ' ', addressLink(log.address, 20), ' ',
      decoded ? h('strong', { class: 'event-name' }, decoded.name) : h('span', { class: 'muted' }, 'an event this explorer has no ABI for')),
    decoded ? fields(decoded.args.map((a) => [a[0], argValue(a)]))
      : fields([...log.topics.map((t, i) => [`topic ${i}`, h('span', { class: 'mono' }, t)]), ['data', h('span', { class: 'mono' }, log.data)]]));
}

async function downloadProof(hash, button) {
  button.disabled = true;
  try {
    const proof = await call('stele_getTransactionProof', [hash]);
    if (!proof) throw new RpcError(0, 'the node has no proof for this transaction yet');
    const url = URL.createObjectURL(new Blob([JSON.stringify(proof, null, 2)], { type: 'application/json' }));
    const a = h('a', { href: url, download: `receipt-${hash.slice(0, 10)}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (e) {
    document.getElementById('proof-note').textContent = `The proof could not be made: ${e.message}`;
  } finally {
    button.disabled = false;
  }
}
