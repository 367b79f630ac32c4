// Foundry's cast (the npm binary) against the node, driven as a child process:
// block-number, balance, send (incl. --create), call, receipt and logs.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { HDNodeWallet, id, zeroPadValue } from 'ethers';
import { compile } from '../lib/compile.js';
import { ACCOUNTS, MNEMONIC, derivationPath, foundryBin, startNode } from '../lib/node.js';

const run = promisify(execFile);

describe('cast', () => {
  let node, alice, bob, token, deployBlock;

  /**
   * Runs `cast SUB --rpc-url URL ...args` (options before positionals: variadic ARGS would swallow them);
   * returns trimmed stdout, throws with stderr on a non-zero exit.
   */
  const cast = async (sub, ...args) => {
    try {
      const { stdout } = await run(foundryBin('cast'), [sub, '--rpc-url', node.rpcUrl, ...args], { timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
      return stdout.trim();
    } catch (e) {
      throw new Error(`cast ${sub} ${args.join(' ')} failed: ${e.stderr || e.message}`);
    }
  };
  const castJson = async (sub, ...args) => JSON.parse(await cast(sub, '--json', ...args));

  before(async () => {
    node = await startNode();
    alice = HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(ACCOUNTS.cast[0]));
    bob = HDNodeWallet.fromPhrase(MNEMONIC, undefined, derivationPath(ACCOUNTS.cast[1]));
  });

  after(async () => {
    await node?.stop();
  });

  it('reads chain-id and block-number', async () => {
    assert.equal(BigInt(await cast('chain-id')), node.chainId);
    assert.match(await cast('block-number'), /^\d+$/);
  });

  it('reads a balance and sends ether', async () => {
    const before = BigInt(await cast('balance', bob.address));
    assert.ok(before > 0n);
    const receipt = await castJson('send', '--private-key', alice.privateKey, bob.address, '--value', '1234wei');
    assert.equal(receipt.status, '0x1');
    assert.equal(BigInt(await cast('balance', bob.address)), before + 1234n);
    assert.ok(BigInt(await cast('block-number')) >= BigInt(receipt.blockNumber));
  });

  it('deploys a contract with send --create and calls it', async () => {
    const { bytecode } = compile().SteleToken;
    const receipt = await castJson('send', '--private-key', alice.privateKey, '--create', bytecode, 'constructor(uint256,uint256)', '1000000', '2000000');
    assert.equal(receipt.status, '0x1');
    token = receipt.contractAddress;
    deployBlock = BigInt(receipt.blockNumber);
    assert.notEqual(await cast('code', token), '0x');
    assert.equal(await cast('call', token, 'symbol()(string)'), '"STL"');
    // cast prints big numbers with a scientific hint: "1000000 [1e6]".
    assert.equal((await cast('call', token, 'balanceOf(address)(uint256)', alice.address)).split(' ')[0], '1000000');
  });

  it('sends a token transfer and reads its receipt and logs', async () => {
    const sent = await castJson('send', '--private-key', alice.privateKey, token, 'transfer(address,uint256)', bob.address, '250');
    const receipt = await castJson('receipt', sent.transactionHash);
    assert.equal(receipt.status, '0x1');
    assert.equal(receipt.transactionHash, sent.transactionHash);
    assert.equal(receipt.logs.length, 1);
    assert.equal(receipt.logs[0].topics[0], id('Transfer(address,address,uint256)'));
    assert.match(await cast('receipt', sent.transactionHash, 'status'), /^(true|1 \(success\))$/);
    assert.equal((await cast('call', token, 'balanceOf(address)(uint256)', bob.address)).split(' ')[0], '250');

    const logs = await castJson('logs', '--from-block', String(deployBlock), '--to-block', 'latest', '--address', token,
      'Transfer(address indexed from,address indexed to,uint256 value)', alice.address, bob.address);
    assert.equal(logs.length, 1);
    assert.equal(logs[0].transactionHash, sent.transactionHash);
    assert.equal(logs[0].topics[2], zeroPadValue(bob.address, 32).toLowerCase());
    assert.equal(BigInt(logs[0].data), 250n);
  });

  it('reports a revert reason from call and refuses to send a reverting transaction', async () => {
    await assert.rejects(cast('call', '--from', bob.address, token, 'strictTransfer(address,uint256)(bool)', alice.address, '999999999'),
      /SteleToken: balance too low/);
    await assert.rejects(castJson('send', '--private-key', bob.privateKey, token, 'mint(address,uint256)', bob.address, '1'),
      /OwnableUnauthorizedAccount|0x118cdaa7/);
  });
});
