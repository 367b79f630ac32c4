// The search box: a block number, a block or transaction hash (a transaction is tried first), or an address.
import { call } from '../../assets/rpc.js';
import { NotFound } from '../dom.js';

export async function search(q) {
  const text = q.replace(/[\s,_]/g, '');
  if (/^\d+$/.test(text)) return go(`#/block/${BigInt(text)}`);
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) {
    if (await call('eth_getTransactionByHash', [text])) return go(`#/tx/${text}`);
    if (await call('eth_getBlockByHash', [text, false])) return go(`#/block/${text}`);
    throw new NotFound(`No transaction or block has the hash ${text}.`);
  }
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return go(`#/address/${text}`);
  throw new NotFound(`"${q}" is not a block number, a hash (0x and 64 hex digits) or an address (0x and 40 hex digits).`);
}

function go(hash) {
  location.replace(hash); // the search result replaces the search in the history
  return { nodes: [] };
}
