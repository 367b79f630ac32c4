// Compiles the suite's contracts with solc-js once per run and caches the artifacts in the temp dir,
// keyed by the solc version, the EVM version and the hash of every source, so each test file (a separate
// process under `node --test`) reuses the first compilation.
// As a script: `node lib/compile.js OUT.json` writes the artifacts for the web3j suite.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const contractsDir = resolve(here, '..', 'contracts');

// Cancun is the newest fork every dev node we target implements; override for a node with a newer EVM.
export const EVM_VERSION = process.env.STELE_EVM_VERSION ?? 'cancun';

function findImport(path) {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `import not found: ${path}` };
  }
}

function sources() {
  const out = {};
  for (const f of readdirSync(contractsDir).filter((f) => f.endsWith('.sol')).sort()) {
    out[f] = { content: readFileSync(join(contractsDir, f), 'utf8') };
  }
  return out;
}

/** Returns {ContractName: {abi, bytecode}} for every contract in contracts/. */
export function compile() {
  const src = sources();
  // The package version names the compiler; loading solc itself (a 9 MB wasm build) is left to a cache miss.
  const key = createHash('sha256')
    .update(require('solc/package.json').version)
    .update(EVM_VERSION)
    .update(JSON.stringify(src))
    .digest('hex')
    .slice(0, 16);
  const cacheDir = join(tmpdir(), 'stele-clients-solc');
  const cacheFile = join(cacheDir, `${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8'));

  const solc = require('solc');
  const input = {
    language: 'Solidity',
    sources: src,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: EVM_VERSION,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));

  const artifacts = {};
  for (const file of Object.keys(src)) {
    for (const [name, c] of Object.entries(output.contracts[file])) {
      artifacts[name] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(artifacts));
  renameSync(tmp, cacheFile);
  return artifacts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node lib/compile.js OUT.json');
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(compile(), null, 1));
}
