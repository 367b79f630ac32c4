// The node under test: the one at STELE_RPC_URL / STELE_WS_URL when set (stele dev, or any dev node),
// otherwise a fresh anvil from npm on a free loopback port, started here and stopped by stop().
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const MNEMONIC = 'test test test test test test test test test test test junk';

/** Path of a Foundry binary (anvil, cast) from its npm package; ANVIL_BIN / CAST_BIN override. */
export function foundryBin(name) {
  const override = process.env[`${name.toUpperCase()}_BIN`];
  if (override) return override;
  const pkg = require.resolve(`@foundry-rs/${name}-linux-amd64/package.json`);
  return join(dirname(pkg), 'bin', name);
}

function freePort() {
  return new Promise((resolveP, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolveP(port));
    });
  });
}

/** One JSON-RPC call over HTTP with fetch; throws on a JSON-RPC error. */
export async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = await res.json();
  if (body.error) throw Object.assign(new Error(body.error.message), body.error);
  return body.result;
}

async function waitForRpc(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`anvil exited early with code ${child.exitCode}`);
    try {
      await rpc(url, 'eth_chainId');
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`anvil did not answer at ${url} within ${timeoutMs} ms: ${e.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Returns {rpcUrl, wsUrl, chainId, external, stop()}. chainId comes from eth_chainId (never assumed).
 */
export async function startNode() {
  if (process.env.STELE_RPC_URL) {
    const rpcUrl = process.env.STELE_RPC_URL;
    const wsUrl = process.env.STELE_WS_URL || rpcUrl.replace(/^http/, 'ws');
    const chainId = BigInt(await rpc(rpcUrl, 'eth_chainId'));
    return { rpcUrl, wsUrl, chainId, external: true, stop: async () => {} };
  }
  const port = await freePort();
  const child = spawn(foundryBin('anvil'), ['--host', '127.0.0.1', '--port', String(port), '--mnemonic', MNEMONIC], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolveP) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolveP();
      child.once('exit', () => resolveP());
      child.kill('SIGTERM');
    });
  try {
    await waitForRpc(rpcUrl, child, 20_000);
  } catch (e) {
    await stop();
    throw e;
  }
  const chainId = BigInt(await rpc(rpcUrl, 'eth_chainId'));
  return { rpcUrl, wsUrl: `ws://127.0.0.1:${port}`, chainId, external: false, stop };
}

/** m/44'/60'/0'/0/i, the path anvil, Hardhat and stele dev prefund. */
export const derivationPath = (i) => `m/44'/60'/0'/0/${i}`;

/**
 * Which dev accounts each suite signs with, so suites sharing one node never race on a nonce.
 */
export const ACCOUNTS = { ethers: [0, 1], viem: [2, 3], cast: [4, 5], web3j: [6, 7], identity: [8, 9] };
