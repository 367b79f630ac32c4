// Home: the latest blocks and transactions, kept live over WebSocket newHeads.
import { call, quantity, subscribe } from '../../assets/rpc.js';
import { card, h } from '../dom.js';
import { addressLink, age, blockLink, coin, gasUse, gwei, thousands, txLink } from '../format.js';

const SHOWN = 10;

export async function home() {
  const [chainId, head] = (await Promise.all([call('eth_chainId'), call('eth_blockNumber')])).map(quantity);
  const numbers = [];
  for (let n = head; n >= 0n && numbers.length < SHOWN; n--) numbers.push(n);
  const blocks = await Promise.all(numbers.map((n) => call('eth_getBlockByNumber', [`0x${n.toString(16)}`, true])));

  const status = h('span', { class: 'status reconnecting', id: 'live' }, 'connecting…');
  const summary = h('p', { id: 'summary' });
  const blockRows = h('tbody', { id: 'blocks' });
  const txRows = h('tbody', { id: 'transactions' });
  const noTxs = h('p', { class: 'muted empty', id: 'no-transactions' }, `No transactions in the latest ${SHOWN} blocks yet. They appear here as blocks are sealed.`);
  let latest = blocks[0];

  const showSummary = () =>
    summary.replaceChildren('Chain ', h('strong', {}, thousands(chainId)), ' · latest block ', blockLink(latest.number),
      ' · base fee ', latest.baseFeePerGas ? gwei(latest.baseFeePerGas) : '—', ' · ', age(latest.timestamp));

  const addBlock = (b, fresh) => {
    const row = h('tr', { class: fresh ? 'fresh' : null, 'data-number': quantity(b.number).toString() },
      h('td', {}, blockLink(b.number)), h('td', {}, age(b.timestamp)), h('td', {}, String(b.transactions.length)),
      h('td', {}, gasUse(b.gasUsed, b.gasLimit)), h('td', {}, addressLink(b.miner)));
    if (fresh) blockRows.prepend(row);
    else blockRows.append(row);
    while (blockRows.children.length > SHOWN) blockRows.lastElementChild.remove();
  };
  const addTransactions = (b, fresh) => {
    const rows = b.transactions.map((tx) =>
      h('tr', { class: fresh ? 'fresh' : null }, h('td', {}, txLink(tx.hash)), h('td', {}, blockLink(tx.blockNumber)),
        h('td', {}, addressLink(tx.from)), h('td', {}, tx.to ? addressLink(tx.to) : h('span', { class: 'tag' }, 'creation')),
        h('td', {}, coin(tx.value))));
    if (fresh) txRows.prepend(...rows);
    else txRows.append(...rows);
    while (txRows.children.length > SHOWN) txRows.lastElementChild.remove();
    noTxs.hidden = txRows.children.length > 0;
  };

  for (const b of blocks) addBlock(b, false);
  for (const b of blocks) addTransactions(b, false);
  showSummary();

  let seen = quantity(latest.number);
  const live = subscribe('newHeads', [], async (header) => {
    const number = quantity(header.number);
    if (number <= seen) return;
    seen = number;
    const b = await call('eth_getBlockByNumber', [header.number, true]);
    latest = b;
    addBlock(b, true);
    // Newest first: a block's transactions go on top in their order within the block.
    addTransactions({ ...b, transactions: [...b.transactions].reverse() }, true);
    showSummary();
  }, (state) => {
    status.textContent = state === 'live' ? 'live' : 'reconnecting…';
    status.className = `status ${state === 'live' ? 'live' : 'reconnecting'}`;
  });

  const txTable = h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Transaction', 'Block', 'From', 'To', 'Value'].map((x) => h('th', { scope: 'col' }, x)))), txRows));
  const blockTable = h('div', { class: 'scroll' }, h('table', {},
    h('thead', {}, h('tr', {}, ['Block', 'Age', 'Txs', 'Gas used', 'Proposer'].map((x) => h('th', { scope: 'col' }, x)))), blockRows));
  return {
    title: 'Latest blocks',
    nodes: [
      h('section', { class: 'card' }, h('h1', {}, 'Latest blocks and transactions ', status), summary),
      h('div', { class: 'grid' }, card('Latest blocks', blockTable), card('Latest transactions', txTable, noTxs)),
    ],
    close: () => live.close(),
  };
}
