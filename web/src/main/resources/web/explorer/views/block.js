// One block: its header for people, how it was agreed (round, proposer, the validators that sealed it) and its
// transactions.
import { call, quantity } from '../../assets/rpc.js';
import { NotFound, card, fields, h, table } from '../dom.js';
import { addressLink, age, blockLink, coin, gasUse, gwei, thousands, txLink } from '../format.js';

export async function block(id) {
  const byHash = /^0x[0-9a-fA-F]{64}$/.test(id);
  if (!byHash && !/^\d+$/.test(id)) throw new NotFound(`"${id}" is neither a block number nor a block hash.`);
  const tag = byHash ? id : `0x${BigInt(id).toString(16)}`;
  const b = await call(byHash ? 'eth_getBlockByHash' : 'eth_getBlockByNumber', [tag, true]);
  if (!b) throw new NotFound(`This node has no block ${byHash ? id : `#${thousands(id)}`}.`);
  const number = quantity(b.number);
  const [consensus, head] = await Promise.all([call('stele_getBlockConsensus', [b.number]), call('eth_blockNumber').then(quantity)]);

  const sealed = new Set((consensus?.sealers ?? []).map((a) => a.toLowerCase()));
  const validatorRows = (consensus?.validators ?? []).map((v) => [
    addressLink(v, 10),
    v.toLowerCase() === consensus.proposer?.toLowerCase() ? h('span', { class: 'tag' }, 'proposer') : '',
    sealed.has(v.toLowerCase()) ? h('span', { class: 'ok' }, '✓ sealed') : h('span', { class: 'muted' }, 'no seal in the header'),
  ]);
  const agreed = consensus && consensus.round !== null
    ? [
        ['Round', quantity(consensus.round) === 0n ? '0' : h('span', { class: 'round-change' }, `${quantity(consensus.round)} (after round changes)`)],
        ['Proposer', addressLink(consensus.proposer, 10)],
        ['Seals', number === 0n ? 'genesis is not sealed' : `${sealed.size} of ${consensus.validators.length} validators (quorum ${quantity(consensus.quorum)})`],
      ]
    : [['Consensus', 'this block carries no QBFT extra data']];

  const nav = h('p', { class: 'pager' },
    number > 0n ? h('a', { href: `#/block/${number - 1n}`, id: 'previous' }, '← previous block') : null,
    number < head ? h('a', { href: `#/block/${number + 1n}`, id: 'next' }, 'next block →') : h('span', { class: 'muted' }, 'the latest block'));

  return {
    title: `Block ${thousands(number)}`,
    nodes: [
      h('section', { class: 'card' }, h('h1', {}, `Block #${thousands(number)}`), nav,
        fields([
          ['Hash', h('span', { class: 'mono', id: 'block-hash' }, b.hash)],
          ['Parent', number > 0n ? h('a', { href: `#/block/${b.parentHash}`, class: 'mono' }, b.parentHash) : '—'],
          ['Time', [age(b.timestamp), ` (${new Date(Number(quantity(b.timestamp)) * 1000).toUTCString()})`]],
          ['Transactions', String(b.transactions.length)],
          ['Gas used', gasUse(b.gasUsed, b.gasLimit)],
          ['Base fee', b.baseFeePerGas ? gwei(b.baseFeePerGas) : null],
          ['State root', h('span', { class: 'mono' }, b.stateRoot)],
          ...agreed,
        ])),
      card('Validators', table(['Validator', '', 'Commit seal'], validatorRows, 'This block names no validators.')),
      card('Transactions', table(['Hash', 'From', 'To', 'Value', 'Gas price'],
        b.transactions.map((tx) => [txLink(tx.hash), addressLink(tx.from), tx.to ? addressLink(tx.to) : h('span', { class: 'tag' }, 'creation'),
          coin(tx.value), gwei(tx.gasPrice ?? tx.maxFeePerGas ?? '0x0')]),
        'This block holds no transactions.')),
    ],
  };
}
