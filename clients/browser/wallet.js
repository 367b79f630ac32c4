// A browser wallet for the tests: an EIP-1193 provider injected into every page of a context before the page loads
// (window.ethereum), as a wallet extension would be. It holds a real secp256k1 key, in an ethers Wallet in the test's
// own process (never in the page nor the node): it answers eth_requestAccounts and eth_accounts with its one account,
// signs eth_sendTransaction and eth_signTypedData_v4 itself, and forwards every other request (reads, eth_chainId) to
// the node. The node does not know the key, so whatever the page gets signed, this wallet signed.
import { JsonRpcProvider, Wallet } from 'ethers';

const BRIDGE = '__steleTestWallet';

/** EIP-1193's error for a request the wallet will not do. */
class Refused extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * Injects the wallet for `privateKey` into `context`'s pages, forwarding reads to the node at `nodeUrl`. With
 * `chainId` (0x-hex), the wallet says it is on that chain, as one set to another network does, and will not switch;
 * with `refuseAccounts`, its user declines to connect it (EIP-1193 error 4001 for eth_requestAccounts).
 * Answers { address (lower case), requests: [methods asked, in order], close() }.
 */
export async function injectWallet(context, nodeUrl, privateKey, { chainId, refuseAccounts } = {}) {
  const node = new JsonRpcProvider(nodeUrl, undefined, { batchMaxCount: 1, polling: false });
  const wallet = new Wallet(privateKey, node);
  const address = wallet.address.toLowerCase();
  const requests = [];
  const mine = (from) => {
    if (String(from).toLowerCase() !== address) throw new Refused(4100, `this wallet holds no key for ${from}`);
  };

  async function answer(method, params) {
    switch (method) {
      case 'eth_chainId':
        return chainId ?? node.send(method, params);
      case 'eth_requestAccounts':
        if (refuseAccounts) throw new Refused(4001, 'User rejected the request.');
        return [address];
      case 'eth_accounts':
        return refuseAccounts ? [] : [address];
      case 'eth_sendTransaction': {
        const [tx] = params;
        mine(tx.from);
        const sent = await wallet.sendTransaction({ to: tx.to ?? null, data: tx.data, value: tx.value ?? 0,
          ...(tx.gas ? { gasLimit: tx.gas } : {}) });
        return sent.hash;
      }
      case 'eth_signTypedData_v4': {
        const [from, json] = params;
        mine(from);
        const { domain, types, message } = typeof json === 'string' ? JSON.parse(json) : json;
        const { EIP712Domain: _, ...structs } = types;
        return wallet.signTypedData(domain, structs, message);
      }
      case 'wallet_switchEthereumChain':
        throw new Refused(4902, 'this wallet knows only the chain of its node');
      case 'eth_sign':
      case 'personal_sign':
      case 'eth_signTransaction':
        throw new Refused(4200, `${method} is not supported by this wallet`);
      default:
        return node.send(method, params);
    }
  }

  await context.exposeFunction(BRIDGE, async (method, params) => {
    requests.push(method);
    try {
      return { result: await answer(method, params ?? []) };
    } catch (e) {
      return { error: { code: e.code ?? e.error?.code ?? -32603, message: e.shortMessage ?? e.message } };
    }
  });
  await context.addInitScript((bridge) => {
    // Events (accountsChanged, chainChanged) never fire: the account and the chain stay as they are.
    window.ethereum = {
      isSteleTestWallet: true,
      async request({ method, params }) {
        const reply = await window[bridge](method, params ?? []);
        if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
        return reply.result;
      },
      on() {
        return this;
      },
      removeListener() {
        return this;
      },
    };
  }, BRIDGE);
  return { address, requests, close: () => node.destroy() };
}
