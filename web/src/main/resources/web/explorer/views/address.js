// One address: balance, nonce, and for a contract its creator and code; its transactions newest first, a page at a time
// from the node's per-address index (ots_searchTransactionsBefore), with the token transfers among them.
import { call, quantity } from '../../assets/rpc.js';
import { decodeLog } from '../abi.js';
import { card, fields, h, table } from '../dom.js';
import { addressLink, age, blockLink, coin, thousands, txLink } from '../format.js';

const PAGE = 25;

export async function address(addr, before) {
  const [balance, nonce, code, page] = await Promise.all([
    call('eth_getBalance', [addr, 'latest']),
    call('eth_getTransactionCount', [addr, 'latest']),
    call('eth_getCode', [addr, 'latest']),
    call('ots_searchTransactionsBefore', [addr, Number(before ?? 0), PAGE]),
  ]);
  const isContract = code !== '0x';
  const creator = isContract ? await call('ots_getContractCreator', [addr]) : null;
  const lower = addr.toLowerCase();

  const rows = page.txs.map((tx, i) => {
    const receipt = page.receipts[i];
    const out = tx.from.toLowerCase() === lower;
    return [txLink(tx.hash), blockLink(tx.blockNumber), age(receipt.timestamp),
      h('span', { class: 'tag' }, out ? 'out' : 'in'), out ? addressLink(tx.to ?? receipt.contractAddress) : addressLink(tx.from),
      coin(tx.value), receipt.status === '0x1' ? h('span', { class: 'ok' }, '✓') : h('span', { class: 'fail', title: 'failed' }, '✗')];
  });
  // The index's receipts carry no logs (as Otterscan's do not): the page's own receipts are read for its transfers.
  const full = await Promise.all(page.txs.map((tx) => call('eth_getTransactionReceipt', [tx.hash])));
  const transfers = [];
  full.forEach((receipt) => {
    for (const log of receipt.logs ?? []) {
      const decoded = decodeLog(log);
      if (!decoded?.name.startsWith('Transfer')) continue;
      const [[, from], [, to], [, amount]] = decoded.args;
      if (from.toLowerCase() !== lower && to.toLowerCase() !== lower) continue;
      transfers.push([txLink(receipt.transactionHash), addressLink(log.address), addressLink(from), addressLink(to),
        decoded.name.includes('721') ? `token #${thousands(amount)}` : thousands(amount)]);
    }
  });

  const last = page.txs.at(-1);
  const pager = h('p', { class: 'pager' },
    before ? h('a', { href: `#/address/${addr}`, id: 'newest' }, '← newest') : null,
    !page.lastPage && last ? h('a', { href: `#/address/${addr}/before/${quantity(last.blockNumber)}`, id: 'older' }, 'older →') : null,
    page.lastPage ? h('span', { class: 'muted' }, 'no older transactions') : null);

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
      card(before ? `Transactions before block ${thousands(before)}` : 'Transactions',
        table(['Transaction', 'Block', 'Age', '', 'Counterparty', 'Value', 'Status'], rows,
          before ? 'No older transactions.' : 'This address has no transactions yet.'), pager),
      card('Token transfers', table(['Transaction', 'Token', 'From', 'To', 'Amount'], transfers,
        'No token transfers among these transactions.')),
      isContract ? card('Code', h('pre', { class: 'code mono' }, code)) : null,
    ].filter(Boolean),
  };
}
