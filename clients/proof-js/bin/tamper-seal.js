#!/usr/bin/env node
// node bin/tamper-seal.js IN OUT: a copy of a proof with one byte of the header's first commit seal changed, for the
// end-to-end test (clients/proof-test.sh) that a verifier refuses it.
import { readFileSync, writeFileSync } from 'node:fs';
import { decode, encode } from '../src/rlp.js';

const [input, output] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(input, 'utf8'));
const fromHex = (s) => Uint8Array.from(s.slice(2).match(/../g), (h) => parseInt(h, 16));
const toHex = (b) => '0x' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const header = decode(fromHex(doc.header));
const extra = decode(header[12]);
const seal = Uint8Array.from(extra[4][0]);
seal[10] ^= 1;
extra[4][0] = seal;
header[12] = encode(extra);
doc.header = toHex(encode(header));
writeFileSync(output, JSON.stringify(doc, null, 2) + '\n');
