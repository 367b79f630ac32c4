// One address: balance, nonce, and for a contract its creator and code; its transactions newest first, 25 a page from
// the node's per-address index (stele_getAddressTransactions: one seek, pages that may end inside a block), with the
// token transfers among them, which the node reads only from the transactions its index marks as transfers.
import { call } from '../../assets/rpc.js';
import { card, fields, h, table } from '../dom.js';
import { addressLink, age, blockLink, coin, thousands, txLink } from '../format.js';

const PAGE = 25;

// `beforeBlock` alone means everything before that block; with `beforeIndex`, everything before that position in it.
export async function address(addr, beforeBlock, beforeIndex) {
  const cursor = beforeBlock === undefined ? null : { blockNumber: Number(beforeBlock), transactionIndex: Number(beforeIndex ?? 0) };
  const [balance, nonce, code, page] = await Promise.all([
    call('eth_getBalance', [addr, 'latest']),
    call('eth_getTransactionCount', [addr, 'latest']),
    call('eth_getCode', [addr, 'latest']),
    call('stele_getAddressTransactions', [addr, cursor, PAGE]),
  ]);
  const isContract = code !== '0x';
  const creator = isContract ? await call('ots_getContractCreator', [addr]) : null;
  const lower = addr.toLowerCase();

  const rows = page.txs.map((tx, i) => {
    const receipt = page.receipts[i];
    const out = tx.from.toLowerCase() === lower;
    return [txLink(tx.hash), blockLink(tx.blockNumber), age(receipt.timestamp),
      h('span', { class: 'tag', title: page.roles[i].join(', ') }, out ? 'out' : 'in'), out ? addressLink(tx.to ?? receipt.contractAddress) : addressLink(tx.from),
      coin(tx.value), receipt.status === '0x1' ? h('span', { class: 'ok' }, '✓') : h('span', { class: 'fail', title: 'failed' }, '✗')];
  });
  const transfers = page.transfers.map((t) => [txLink(t.transactionHash), addressLink(t.token), addressLink(t.from), addressLink(t.to),
    t.standard === 'ERC-721' ? `token #${thousands(t.tokenId)}` : thousands(t.value)]);

  const next = page.next;
  const pager = h('p', { class: 'pager' },
    cursor ? h('a', { href: `#/address/${addr}`, id: 'newest' }, '← newest') : null,
    next ? h('a', { href: `#/address/${addr}/before/${BigInt(next.blockNumber)}.${BigInt(next.transactionIndex)}`, id: 'older' }, 'older →') : null,
    next ? null : h('span', { class: 'muted' }, 'no older transactions'));

  return {
    title: `Address ${addr.slice(0, 10)}…`,
    nodes: [
      h('section', { class: 'card' }, h('h1', {}, isContract ? 'Contract' : 'Account'),
        fields([
          ['Address', h('span', { class: 'mono', id: 'address' }, addr)],
          ['Balance', h('span', { id: 'balance' }, coin(balance))],
          ['Nonce', thousands(nonce)],
          ['Creator', creator ? [addressLink(creator.creator, 20), ' in ', txLink(creator.hash)] : null],
          ['Code', isContract ? `${thousands((code.length - 2) / 2)} bytes` : null],
        ])),
      card(cursor ? `Transactions before block ${thousands(cursor.blockNumber)}, position ${cursor.transactionIndex}` : 'Transactions',
        table(['Transaction', 'Block', 'Age', '', 'Counterparty', 'Value', 'Status'], rows,
          cursor ? 'No older transactions.' : 'This address has no transactions yet.'), pager),
      card('Token transfers', table(['Transaction', 'Token', 'From', 'To', 'Amount'], transfers,
        'No token transfers among these transactions.')),
      isContract ? card('Code', h('pre', { class: 'code mono' }, code)) : null,
    ].filter(Boolean),
  };
}
