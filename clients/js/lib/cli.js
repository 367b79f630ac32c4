// The `stele` command line of this checkout (the ./stele launcher at the repository root), for the suites that cross
// between an npm library and Stele's CLI, and the Stele node such a suite needs: those suites run against Stele or
// fail, they are never skipped.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AbiCoder, id } from 'ethers';
import { rpc, startNode } from './node.js';
import { startSteleDev } from './stele-dev.js';

export const STELE = fileURLToPath(new URL('../../../stele', import.meta.url));

const ACCOUNTS_CONTRACT = '0x0000000000000000000000000000000000001003';
const OPERATOR = 2n;

/** Runs the stele command line; resolves {code, stdout, stderr} whatever the exit status. */
export function stele(args) {
  return new Promise((resolveP) => {
    execFile(STELE, args, { timeout: 120_000 }, (error, stdout, stderr) => {
      resolveP({ code: error ? (error.code ?? 1) : 0, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** Runs the stele command line, asserts it exits 0, and resolves its standard output. */
export async function ok(args) {
  const r = await stele(args);
  assert.equal(r.code, 0, `stele ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Whether the node at url says it is Stele (web3_clientVersion stele/v…). */
async function isStele(url) {
  try {
    return String(await rpc(url, 'web3_clientVersion')).toLowerCase().startsWith('stele/');
  } catch {
    return false;
  }
}

/**
 * The node under test when it is Stele, otherwise (anvil) a fresh `stele dev` of this checkout, stopped by stop().
 * Resolves {rpcUrl, chainId, stop()}; `requiredCode` names genesis contracts every Stele node holds, and a Stele node
 * without one of them fails here instead of being taken for another kind of node.
 */
export async function startSteleNode(requiredCode = []) {
  const underTest = await startNode();
  let node = underTest;
  if (!(await isStele(underTest.rpcUrl))) {
    await underTest.stop();
    const own = await startSteleDev();
    node = { rpcUrl: own.rpcUrl, chainId: BigInt(await rpc(own.rpcUrl, 'eth_chainId')), stop: own.stop };
  }
  for (const address of requiredCode) {
    const code = await rpc(node.rpcUrl, 'eth_getCode', [address, 'latest']);
    if (code === '0x') {
      await node.stop();
      assert.fail(`the Stele node at ${node.rpcUrl} holds no contract at ${address}, which every Stele genesis holds`);
    }
  }
  return node;
}

/**
 * Makes `governor` (dev account 0, the committee of stele dev) an operator of the Accounts contract when it is not
 * one, gives `type` a schema and admits `issuerDid` for it in the trust registry; then waits until the wall clock has
 * passed the admission's block time, since a dev chain's blocks may run ahead of it and credentials issued now must
 * postdate the admission.
 */
export async function admitIssuer({ provider, rpcUrl, governor, governorKey, issuerDid, type, schemaHash }) {
  const hasRole = id('hasRole(address,uint256)').slice(0, 10)
    + AbiCoder.defaultAbiCoder().encode(['address', 'uint256'], [governor.address, OPERATOR]).slice(2);
  if (BigInt(await provider.call({ to: ACCOUNTS_CONTRACT, data: hasRole })) === 0n)
    await ok(['gov', 'grant', governor.address, 'operator', '--rpc', rpcUrl, '--key', governorKey]);
  await ok(['vc', 'trust', 'schema', '--type', type, '--schema-id', `https://schemas.example.org/${type}`,
    '--schema-hash', schemaHash, '--rpc', rpcUrl, '--key-file', governorKey]);
  await ok(['vc', 'trust', 'admit', '--issuer', issuerDid, '--type', type, '--rpc', rpcUrl,
    '--key-file', governorKey]);
  const head = await provider.getBlock('latest');
  while (Date.now() / 1000 <= head.timestamp) await new Promise((r) => setTimeout(r, 200));
}
