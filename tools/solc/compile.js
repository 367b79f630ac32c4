// Reproducible Solidity builds (docs/contracts.md). For each line "SOURCES OUT" of targets.txt (paths from the repo
// root), every .sol file under SOURCES is compiled with the pinned solc-js and fixed settings, and each contract defined
// there is written as OUT/<Contract>.json: its ABI, creation and runtime bytecode, and the compiler and settings.
//
//   node tools/solc/compile.js           rebuild every target
//   node tools/solc/compile.js --check   rebuild in memory and fail when a checked-in file differs or is missing
//
// The metadata hash is left out of the bytecode (bytecodeHash "none"), so the bytes depend on the sources and the
// settings only, not on file paths or comments elsewhere.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import solc from 'solc';
import sha3 from 'js-sha3';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

export const SETTINGS = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none' },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

function solidityFiles(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return solidityFiles(path);
    return name.endsWith('.sol') ? [path] : [];
  });
}

/** Reads an import: the project's own files by path from the repo root, libraries from this folder's node_modules. */
function findImport(path) {
  try {
    const file = path.startsWith('@') ? require.resolve(path) : join(root, path);
    return { contents: readFileSync(file, 'utf8') };
  } catch (e) {
    return { error: `cannot read import ${path}: ${e.message}` };
  }
}

/** Compiles one target; returns a map of output file (from the repo root) to its text. */
export function compileTarget(sourcesDir, outDir) {
  const files = solidityFiles(join(root, sourcesDir));
  if (files.length === 0) throw new Error(`${sourcesDir}: no .sol files`);
  const sources = Object.fromEntries(files.map((f) => [relative(root, f), { content: readFileSync(f, 'utf8') }]));
  const input = { language: 'Solidity', sources, settings: SETTINGS };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const warnings = (output.errors ?? []).filter((e) => e.severity !== 'error');
  for (const w of warnings) process.stderr.write(w.formattedMessage);
  const written = new Map();
  for (const sourceName of Object.keys(sources)) {
    for (const [name, contract] of Object.entries(output.contracts[sourceName] ?? {})) {
      const artifact = {
        contractName: name,
        sourceName,
        compiler: { version: solc.version(), settings: { evmVersion: SETTINGS.evmVersion, optimizer: SETTINGS.optimizer,
          metadata: SETTINGS.metadata } },
        abi: contract.abi,
        bytecode: `0x${contract.evm.bytecode.object}`,
        deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
      };
      written.set(join(outDir, `${name}.json`), `${JSON.stringify(artifact, null, 2)}\n`);
    }
  }
  return written;
}

/** The canonical type of an ABI parameter as it appears in a signature: tuples spelled out as (a,b). */
function canonical(param) {
  if (!param.type.startsWith('tuple')) return param.type;
  return `(${param.components.map(canonical).join(',')})${param.type.slice('tuple'.length)}`;
}

/**
 * The explorer's table of every event, function and custom error of the project's contracts, keyed by topic or
 * selector (keccak-256 of the signature), so that the explorer page decodes them without a hashing library. Generated
 * from the same build, so it cannot drift from the contracts.
 */
function explorerAbi(artifacts) {
  const tables = { EVENTS: {}, FUNCTIONS: {}, ERRORS: {} };
  for (const text of artifacts) {
    const { contractName, abi } = JSON.parse(text);
    for (const item of abi) {
      if (!['event', 'function', 'error'].includes(item.type)) continue;
      const signature = `${item.name}(${item.inputs.map(canonical).join(',')})`;
      const hash = `0x${sha3.keccak256(signature)}`;
      const key = item.type === 'event' ? hash : hash.slice(0, 10);
      const table = tables[{ event: 'EVENTS', function: 'FUNCTIONS', error: 'ERRORS' }[item.type]];
      const entry = table[key] ?? (table[key] = { name: item.name, signature, contracts: [],
        inputs: item.inputs.map((i) => ({ name: i.name, type: canonical(i), ...(item.type === 'event' ? { indexed: i.indexed } : {}) })) });
      if (!entry.contracts.includes(contractName)) entry.contracts.push(contractName);
    }
  }
  const sorted = (table) => Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
  return '// Generated by tools/solc/compile.js from the contracts of tools/solc/targets.txt (do not edit): every event,\n'
    + '// function and custom error of Stele\'s own contracts by topic or selector, for the explorer\'s decoding.\n'
    + Object.entries(tables).map(([name, table]) => `export const ${name} = {\n${Object.entries(sorted(table))
      .map(([key, entry]) => `  ${JSON.stringify(key)}: ${JSON.stringify(entry)},\n`).join('')}};\n`).join('');
}

const EXPLORER_ABI = 'web/src/main/resources/web/explorer/known-abi.js';

function targets() {
  return readFileSync(join(here, 'targets.txt'), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean).map((l) => l.split(/\s+/));
}

function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  let count = 0;
  const outputs = [];
  for (const [sourcesDir, outDir] of targets()) {
    for (const [file, text] of compileTarget(sourcesDir, outDir)) outputs.push([file, text, sourcesDir]);
  }
  outputs.push([EXPLORER_ABI, explorerAbi(outputs.map(([, text]) => text)), 'the contracts\' ABIs']);
  {
    for (const [file, text, sourcesDir] of outputs) {
      count++;
      const path = join(root, file);
      if (check) {
        if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
          stale++;
          console.log(`not ok - ${file} is not what ${sourcesDir} compiles to: run node tools/solc/compile.js`);
        } else {
          console.log(`ok - ${file}`);
        }
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        console.log(`wrote ${file}`);
      }
    }
  }
  if (check) console.log(`${count - stale} passed, ${stale} failed`);
  process.exitCode = stale > 0 ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
