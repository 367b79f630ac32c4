// viem against the node: deploy, transfer, events (getLogs and watchContractEvent over WebSocket),
// simulateContract reverts with decoded custom errors and reasons, state overrides, and legacy / EIP-2930 / EIP-1559 sends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeAbiParameters,
  hexToBigInt,
  http,
  keccak256,
  parseAbiItem,
  parseEther,
  parseEventLogs,
  toHex,
  webSocket,
} from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { compile } from '../lib/compile.js';
import { ACCOUNTS, MNEMONIC, startNode } from '../lib/node.js';
import { deferred } from '../lib/util.js';

const SUPPLY = parseEther('1000000');
const CAP = parseEther('2000000');
const TRANSFER = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');

/** The ContractFunctionRevertedError inside whatever viem threw, with its decoded data. */
function reverted(e) {
  const r = e.walk?.((x) => x instanceof ContractFunctionRevertedError);
  assert.ok(r, `expected a decoded revert, got: ${e.shortMessage ?? e.message}`);
  return r;
}

describe('viem', () => {
  let node, chain, client, wallet, alice, bob, artifacts, token, nft;

  before(async () => {
    artifacts = compile();
    node = await startNode();
    chain = defineChain({
      id: Number(node.chainId),
      name: 'dev node',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.rpcUrl], webSocket: [node.wsUrl] } },
    });
    client = createPublicClient({ chain, transport: http(node.rpcUrl), pollingInterval: 100 });
    alice = mnemonicToAccount(MNEMONIC, { addressIndex: ACCOUNTS.viem[0] });
    bob = mnemonicToAccount(MNEMONIC, { addressIndex: ACCOUNTS.viem[1] });
    wallet = createWalletClient({ chain, transport: http(node.rpcUrl), account: alice });
  });

  after(async () => {
    await node?.stop();
  });

  const mined = async (hash) => {
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 100 });
    assert.equal(receipt.status, 'success');
    return receipt;
  };

  it('reads the chain id and funds of the dev accounts', async () => {
    assert.equal(BigInt(await client.getChainId()), node.chainId);
    assert.ok((await client.getBalance({ address: alice.address })) > parseEther('1000'));
    assert.equal(mnemonicToAccount(MNEMONIC).address, '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
  });

  it('deploys an ERC-20 and transfers, reading events from the receipt and getLogs', async () => {
    const { abi, bytecode } = artifacts.SteleToken;
    const deployed = await mined(await wallet.deployContract({ abi, bytecode, args: [SUPPLY, CAP] }));
    token = { address: deployed.contractAddress, abi };
    assert.equal(await client.readContract({ ...token, functionName: 'totalSupply' }), SUPPLY);
    assert.equal(await client.getBytecode({ address: token.address }) !== undefined, true);

    const amount = parseEther('3');
    const receipt = await mined(await wallet.writeContract({ ...token, functionName: 'transfer', args: [bob.address, amount] }));
    const [log] = parseEventLogs({ abi, logs: receipt.logs, eventName: 'Transfer' });
    assert.deepEqual(log.args, { from: alice.address, to: bob.address, value: amount });

    const range = { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber };
    const logs = await client.getLogs({ address: token.address, event: TRANSFER, args: { to: bob.address }, ...range });
    assert.equal(logs.length, 1);
    assert.equal(logs[0].transactionHash, receipt.transactionHash);
    assert.equal(logs[0].args.value, amount);
    const none = await client.getLogs({ address: token.address, event: TRANSFER, args: { from: bob.address }, ...range });
    assert.equal(none.length, 0);
    const events = await client.getContractEvents({ ...token, eventName: 'Transfer', fromBlock: 0n });
    assert.ok(events.length >= 2, 'mint and transfer');
    assert.equal(await client.readContract({ ...token, functionName: 'balanceOf', args: [bob.address] }), amount);
  });

  it('decodes custom errors and require reasons from simulateContract', async () => {
    await assert.rejects(client.simulateContract({ ...token, functionName: 'mint', args: [bob.address, CAP], account: alice }), (e) => {
      const r = reverted(e);
      assert.equal(r.data.errorName, 'CapExceeded');
      assert.deepEqual(r.data.args, [SUPPLY + CAP, CAP]);
      return true;
    });
    await assert.rejects(client.simulateContract({ ...token, functionName: 'mint', args: [bob.address, 1n], account: bob }), (e) => {
      const r = reverted(e);
      assert.equal(r.data.errorName, 'OwnableUnauthorizedAccount');
      assert.deepEqual(r.data.args, [bob.address]);
      return true;
    });
    await assert.rejects(client.simulateContract({ ...token, functionName: 'strictTransfer', args: [alice.address, SUPPLY], account: bob }), (e) => {
      assert.equal(reverted(e).reason, 'SteleToken: balance too low');
      return true;
    });
    // writeContract estimates gas first and surfaces the same decoded error.
    const bobWallet = createWalletClient({ chain, transport: http(node.rpcUrl), account: bob });
    await assert.rejects(bobWallet.writeContract({ ...token, functionName: 'transfer', args: [alice.address, SUPPLY] }), (e) => {
      assert.equal(reverted(e).data.errorName, 'ERC20InsufficientBalance');
      return true;
    });
    const ok = await client.simulateContract({ ...token, functionName: 'transfer', args: [bob.address, 1n], account: alice });
    assert.equal(ok.result, true);
  });

  it('calls through state overrides without changing the chain', async () => {
    const someone = '0x00000000000000000000000000000000000057e1';
    // OpenZeppelin's ERC20 keeps _balances at slot 0: the override gives `someone` 42 tokens for this call only.
    const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [someone, 0n]));
    const stateOverride = [{ address: token.address, stateDiff: [{ slot, value: toHex(parseEther('42'), { size: 32 }) }] }];
    const balanceOf = { ...token, functionName: 'balanceOf', args: [someone] };
    assert.equal(await client.readContract({ ...balanceOf, stateOverride }), parseEther('42'));
    assert.equal(await client.readContract(balanceOf), 0n);
    // Balance and code on an empty address: SELFBALANCE, returned as one word.
    const { data } = await client.call({ to: someone, stateOverride: [{ address: someone, balance: 7n, code: '0x4760005260206000f3' }] });
    assert.equal(hexToBigInt(data), 7n);
    assert.equal(await client.getBalance({ address: someone }), 0n);
    assert.equal(await client.getBytecode({ address: someone }), undefined);
  });

  it('deploys an ERC-721, mints and transfers, and decodes SoldOut', async () => {
    const { abi, bytecode } = artifacts.SteleCollectible;
    const deployed = await mined(await wallet.deployContract({ abi, bytecode, args: [1n] }));
    nft = { address: deployed.contractAddress, abi };
    const receipt = await mined(await wallet.writeContract({ ...nft, functionName: 'mint', args: [alice.address] }));
    const [minted] = parseEventLogs({ abi, logs: receipt.logs, eventName: 'Transfer' });
    assert.equal(minted.args.tokenId, 0n);
    await mined(await wallet.writeContract({ ...nft, functionName: 'transferFrom', args: [alice.address, bob.address, 0n] }));
    assert.equal(await client.readContract({ ...nft, functionName: 'ownerOf', args: [0n] }), bob.address);
    await assert.rejects(client.simulateContract({ ...nft, functionName: 'mint', args: [alice.address], account: alice }), (e) => {
      const r = reverted(e);
      assert.equal(r.data.errorName, 'SoldOut');
      assert.deepEqual(r.data.args, [1n]);
      return true;
    });
  });

  for (const [type, rpcType] of [
    ['legacy', '0x0'],
    ['eip2930', '0x1'],
    ['eip1559', '0x2'],
  ]) {
    it(`sends a ${type} transaction`, async () => {
      const fees = await client.estimateFeesPerGas({ type: type === 'eip1559' ? 'eip1559' : 'legacy' });
      const feeFields = type === 'eip1559' ? { maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas } : { gasPrice: fees.gasPrice };
      const accessList = type === 'eip2930' ? [{ address: token.address, storageKeys: [`0x${'00'.repeat(31)}02`] }] : undefined;
      const before = await client.getBalance({ address: bob.address });
      const hash = await wallet.sendTransaction({ type, to: bob.address, value: 777n, ...feeFields, ...(accessList && { accessList }) });
      const receipt = await mined(hash);
      assert.equal(receipt.type, type);
      const tx = await client.getTransaction({ hash });
      assert.equal(tx.type, type);
      assert.equal(tx.typeHex, rpcType);
      assert.equal(BigInt(tx.chainId ?? node.chainId), node.chainId);
      if (accessList) assert.deepEqual(tx.accessList.map((a) => a.address.toLowerCase()), [token.address.toLowerCase()]);
      assert.equal(await client.getBalance({ address: bob.address }), before + 777n);
    });
  }

  it('reads blocks, nonces, fee history and gas estimates', async () => {
    const pending = await client.getTransactionCount({ address: alice.address, blockTag: 'pending' });
    const receipt = await mined(await wallet.sendTransaction({ to: bob.address, value: 1n }));
    assert.equal(await client.getTransactionCount({ address: alice.address, blockTag: 'latest' }), pending + 1);
    const block = await client.getBlock({ blockNumber: receipt.blockNumber, includeTransactions: true });
    assert.ok(block.transactions.some((t) => t.hash === receipt.transactionHash));
    const byHash = await client.getBlock({ blockHash: receipt.blockHash });
    assert.equal(byHash.number, receipt.blockNumber);
    assert.equal(await client.getBlockTransactionCount({ blockHash: receipt.blockHash }), block.transactions.length);
    const history = await client.getFeeHistory({ blockCount: 4, rewardPercentiles: [25, 75] });
    assert.ok(history.baseFeePerGas.length >= 2);
    assert.equal(history.reward.length, history.baseFeePerGas.length - 1);
    assert.equal(await client.estimateGas({ account: alice, to: bob.address, value: 1n }), 21000n);
    assert.ok((await client.getGasPrice()) > 0n);
  });

  it('batches HTTP requests', async () => {
    const batched = createPublicClient({ chain, transport: http(node.rpcUrl, { batch: { wait: 20 } }) });
    const [n, bal, code, chainId] = await Promise.all([
      batched.getBlockNumber(),
      batched.getBalance({ address: alice.address }),
      batched.getBytecode({ address: token.address }),
      batched.getChainId(),
    ]);
    assert.ok(n > 0n);
    assert.ok(bal > 0n);
    assert.ok(code.length > 2);
    assert.equal(BigInt(chainId), node.chainId);
  });

  it('follows newHeads and contract events over WebSocket', async () => {
    const ws = createPublicClient({ chain, transport: webSocket(node.wsUrl) });
    const heads = [];
    const sawEvent = deferred(15_000, 'Transfer via watchContractEvent');
    const unwatchBlocks = ws.watchBlockNumber({ onBlockNumber: (n) => heads.push(n), emitOnBegin: false });
    const unwatchEvents = ws.watchContractEvent({
      ...token,
      eventName: 'Transfer',
      args: { to: bob.address },
      onLogs: (logs) => {
        for (const l of logs) if (l.args.value === 9191n) sawEvent.resolve(l);
      },
    });
    try {
      // Give both eth_subscribe calls a round trip before the transfer they must see.
      await ws.getBlockNumber();
      await new Promise((r) => setTimeout(r, 300));
      const receipt = await mined(await wallet.writeContract({ ...token, functionName: 'transfer', args: [bob.address, 9191n] }));
      const log = await sawEvent.promise;
      assert.equal(log.transactionHash, receipt.transactionHash);
      assert.equal(log.args.from, alice.address);
      const deadline = Date.now() + 15_000;
      while (!heads.includes(receipt.blockNumber) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(heads.includes(receipt.blockNumber), `newHeads delivered block ${receipt.blockNumber} (got ${heads})`);
    } finally {
      unwatchBlocks();
      unwatchEvents();
      (await ws.transport.getRpcClient()).close();
    }
  });
});
