#!/usr/bin/env node
// node bin/verify.js FILE [--genesis-hash 0x… --chain-id N]: the JavaScript verifier on a proof file, as
// `stele proof verify` does it: exit 0 with the summary, 1 naming the first failed check, 2 for a file that is not a
// proof.
import { readFileSync } from 'node:fs';
import { verifyProof, CHECKS } from '../src/verify.js';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const genesisHash = option('--genesis-hash');
const chainId = option('--chain-id');
if (args.length !== 1) {
  console.error('usage: node bin/verify.js FILE [--genesis-hash 0x… --chain-id N]');
  process.exit(2);
}
let doc;
try {
  doc = JSON.parse(readFileSync(args[0], 'utf8'));
} catch (e) {
  console.error(`verify: ${args[0]}: ${e.message}`);
  process.exit(2);
}
const r = verifyProof(doc, genesisHash ? { genesisHash, chainId: chainId === undefined ? undefined : Number(chainId) } : undefined);
if (r.ok) {
  console.log('VERIFIED: ' + r.summary);
  process.exit(0);
}
if (r.check === 'format') {
  console.error(`verify: ${args[0]}: ${r.message}`);
  process.exit(2);
}
const meaning = CHECKS.find(([name]) => name === r.check)[1];
console.log(`NOT VERIFIED: check ${r.check} (${meaning}) failed: ${r.message}`);
process.exit(1);
