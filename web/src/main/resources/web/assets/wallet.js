// Who signs on the applications' pages, and how they send. Keys stay in the user's wallet: when the browser has an
// injected EIP-1193 provider (window.ethereum), it signs (eth_requestAccounts for its accounts, eth_sendTransaction,
// eth_signTypedData_v4), after its chain is checked against the node's, and the page never sees a key. Without one,
// on a dev chain, the node signs for its own funded accounts (eth_accounts lists them). Reads always go to the node
// that served the page (/assets/rpc.js), so what a page shows does not depend on the wallet's network settings.
import { call, RpcError } from './rpc.js';

const injected = () => globalThis.ethereum;

let chosen = null;

/** { kind: 'wallet' | 'dev' | 'none', accounts: [lower-case addresses] }, decided once per page. */
export function signers() {
  chosen ??= choose().catch((e) => {
    chosen = null;
    throw e;
  });
  return chosen;
}

async function choose() {
  if (injected()) {
    const accounts = await walletRequest('eth_requestAccounts');
    return { kind: 'wallet', accounts: accounts.map((a) => a.toLowerCase()) };
  }
  const dev = await call('eth_accounts').catch(() => []);
  if (dev.length > 0) return { kind: 'dev', accounts: dev.map((a) => a.toLowerCase()) };
  return { kind: 'none', accounts: [] };
}

/** What the injected wallet answered instead of a result (an EIP-1193 error, the user's refusal among them). */
export class WalletError extends Error {}

/** One request to the injected wallet; its refusal (EIP-1193 error) becomes a one-line WalletError. */
async function walletRequest(method, params) {
  try {
    return await injected().request(params === undefined ? { method } : { method, params });
  } catch (e) {
    const why = e?.message ?? String(e);
    throw new WalletError(e?.code === 4001 ? `the wallet refused: ${why}` : `the wallet: ${why}`);
  }
}

/** The line a page shows when it cannot list its accounts: the wallet's answer, or else the node out of reach. */
export function accountsTrouble(e) {
  const line = (m) => m.charAt(0).toUpperCase() + m.slice(1);
  if (e instanceof WalletError || (e instanceof RpcError && e.unreachable)) return line(e.message);
  return `The node could not list the accounts: ${e.message}`;
}

/**
 * Makes sure the wallet signs for the node's chain: a signature or transaction made for another chain would be
 * refused, or worse, valid there. Asks the wallet to switch once; throws a one-line error when it does not.
 */
async function sameChain() {
  const node = BigInt(await call('eth_chainId'));
  if (BigInt(await walletRequest('eth_chainId')) === node) return;
  await walletRequest('wallet_switchEthereumChain', [{ chainId: `0x${node.toString(16)}` }]).catch(() => null);
  const now = BigInt(await walletRequest('eth_chainId'));
  if (now !== node) throw new Error(`the wallet is on chain ${now}, this node's chain is ${node}: switch the wallet to it`);
}

/** Fills a <select> with the accounts this page can sign for, labelled; answers the signer kind. */
export async function fillAccounts(select, preferred) {
  const { kind, accounts } = await signers();
  select.replaceChildren(...accounts.map((a, i) => {
    const option = document.createElement('option');
    option.value = a;
    option.textContent = `${kind === 'dev' ? `dev account ${i}` : 'wallet'} ${a}`;
    return option;
  }));
  if (preferred && accounts.includes(preferred)) select.value = preferred;
  return kind;
}

/** `from`'s EIP-712 signature (0x, 65 bytes) of `typed` ({ types, primaryType, domain, message }). */
export async function signTypedData(from, typed) {
  const { kind } = await signers();
  if (kind === 'wallet') {
    await sameChain();
    return walletRequest('eth_signTypedData_v4', [from, JSON.stringify(typed)]);
  }
  return call('eth_signTypedData_v4', [from, typed]);
}

/** Sends `tx` ({ from, to, data, value? }) signed by the wallet or, on a dev chain, the node; answers its hash. */
export async function sendTransaction(tx) {
  const { kind } = await signers();
  if (kind === 'wallet') {
    await sameChain();
    return walletRequest('eth_sendTransaction', [tx]);
  }
  return call('eth_sendTransaction', [tx]);
}

/** The receipt once the transaction is mined; throws when it failed or was not mined in a minute. */
export async function mined(hash) {
  for (let i = 0; i < 300; i++) {
    const receipt = await call('eth_getTransactionReceipt', [hash]);
    if (receipt) {
      if (receipt.status !== '0x1') throw new Error(`transaction ${hash} failed`);
      return receipt;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`transaction ${hash} was not mined in a minute`);
}

/**
 * Sends `tx` as a transaction: first as eth_call, so a refusal is named (by `decodeError`, the contract's custom
 * errors from revert data) and nothing is signed or sent; resolves to the receipt once mined.
 */
export async function transact(tx, decodeError = () => null) {
  await dryRun(tx, decodeError);
  return mined(await sendTransaction(tx));
}

/** Runs `tx` as eth_call only; throws 'refused: …' (the custom error `decodeError` names) when it would revert. */
export async function dryRun(tx, decodeError = () => null) {
  try {
    await call('eth_call', [tx, 'latest']);
  } catch (e) {
    if (e instanceof RpcError && e.unreachable) throw e;
    const data = e instanceof RpcError ? (typeof e.data === 'string' ? e.data : e.data?.data) : null;
    throw new Error(`refused: ${decodeError(data) ?? e.message}`);
  }
}
