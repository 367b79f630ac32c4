// The validators: the set at the head (and at any height), who proposed how many blocks, and the rounds of the latest
// blocks, where a round above 0 means the validators changed round before agreeing.
import { call, quantity } from '../../assets/rpc.js';
import { card, fields, h, table } from '../dom.js';
import { addressLink, age, blockLink, thousands } from '../format.js';

const RECENT = 20;

export async function validators() {
  const head = quantity(await call('eth_blockNumber'));
  const [set, metrics] = await Promise.all([
    call('qbft_getValidatorsByBlockNumber', ['latest']),
    head > 0n ? call('qbft_getSignerMetrics', [`0x${(head > 100n ? head - 100n : 0n).toString(16)}`, 'latest']) : [],
  ]);
  const numbers = [];
  for (let n = head; n > 0n && numbers.length < RECENT; n--) numbers.push(n);
  const [recent, blocks] = await Promise.all([
    Promise.all(numbers.map((n) => call('stele_getBlockConsensus', [`0x${n.toString(16)}`]))),
    Promise.all(numbers.map((n) => call('eth_getBlockByNumber', [`0x${n.toString(16)}`, false]))),
  ]);
  const n = set.length;
  const f = Math.floor((n - 1) / 3);
  const proposed = new Map(metrics.map((m) => [m.address.toLowerCase(), m]));
  const sealedCount = new Map();
  for (const c of recent) for (const s of c.sealers) sealedCount.set(s.toLowerCase(), (sealedCount.get(s.toLowerCase()) ?? 0) + 1);
  const roundChanges = recent.filter((c) => quantity(c.round) > 0n).length;

  return {
    title: 'Validators',
    nodes: [
      h('section', { class: 'card' }, h('h1', {}, 'Validators'),
        fields([
          ['Validators', h('span', { id: 'validator-count' }, String(n))],
          ['Quorum', Math.ceil((2 * n) / 3) === 1 ? '1 seal decides a block' : `${Math.ceil((2 * n) / 3)} seals decide a block`],
          ['Tolerates', `${f} faulty validator${f === 1 ? '' : 's'} (QBFT: n = 3f + 1)`],
          ['At block', blockLink(head)],
          ['Round changes', `${roundChanges} of the latest ${recent.length} blocks were agreed after a round change`],
        ])),
      card('The set at the latest block', table(['Validator', 'Blocks proposed (up to 100 before the latest)', 'Last proposed', `Seals (last ${recent.length} blocks)`],
        set.map((v) => {
          const m = proposed.get(v.toLowerCase());
          return [addressLink(v, 20), m ? thousands(m.proposedBlockCount) : '0',
            m && quantity(m.lastProposedBlockNumber) > 0n ? blockLink(m.lastProposedBlockNumber) : '—',
            String(sealedCount.get(v.toLowerCase()) ?? 0)];
        }), 'This chain names no validators in its headers.')),
      card('Latest blocks', table(['Block', 'Age', 'Round', 'Proposer', 'Seals'],
        recent.map((c, i) => [blockLink(c.number), age(blocks[i].timestamp),
          quantity(c.round) > 0n ? h('span', { class: 'round-change' }, String(quantity(c.round))) : '0',
          addressLink(c.proposer), `${c.sealers.length} of ${c.validators.length}`]),
        'No blocks after genesis yet.')),
    ],
  };
}
