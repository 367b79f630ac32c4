// A fresh `stele dev` from this checkout (the ./stele launcher at the repository root) on a free port, for suites that
// need Stele itself rather than any Ethereum node: its own temporary data directory, removed by stop().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts `stele dev`; resolves to {rpcUrl, stop()} once it prints its JSON-RPC address. */
export function startSteleDev() {
  const dataDir = mkdtempSync(join(tmpdir(), 'stele-js-'));
  const child = spawn(join(root, 'stele'), ['dev', '--data-dir', join(dataDir, 'chain'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const stop = () =>
    new Promise((done) => {
      const finish = () => {
        rmSync(dataDir, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null || child.signalCode !== null) return finish();
      child.removeAllListeners('exit');
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.on('exit', () => {
        clearTimeout(force);
        finish();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolveP, reject) => {
    const fail = (why) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`stele dev ${why}:\n${log}`));
    };
    const timer = setTimeout(() => fail('printed no JSON-RPC address in 180 s'), 180_000);
    const read = (chunk) => {
      log += chunk;
      const match = log.match(/^ {2}JSON-RPC: *(http:\/\/[0-9.:]+)/m);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', read);
      child.stdout.resume();
      child.removeAllListeners('exit');
      resolveP({ rpcUrl: match[1], stop });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk));
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}
