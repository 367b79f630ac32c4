// Numbers for people: units, thousands, short hashes and relative times, each with its exact value on hover.
import { h } from './dom.js';

const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** A bigint with thousands separators. */
export const thousands = (n) => BigInt(n).toLocaleString('en-US');

/** An amount of wei in a unit of `decimals` decimals, with at most `shown` decimals and no trailing zeros. */
export function units(wei, decimals = 18, shown = 6) {
  const value = BigInt(wei);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  let fraction = (abs % base).toString().padStart(decimals, '0').slice(0, shown).replace(/0+$/, '');
  // A non-zero amount too small to show is said to be so, never shown as 0 nor rounded up to the smallest shown unit.
  if (whole === 0n && fraction === '' && abs !== 0n) return `${negative ? '> -' : '< '}0.${'0'.repeat(shown - 1)}1`;
  return `${negative ? '-' : ''}${whole.toLocaleString('en-US')}${fraction ? `.${fraction}` : ''}`;
}

/** Wei as the native coin, with the exact wei on hover. */
export const coin = (wei) => h('span', { title: `${thousands(wei)} wei` }, `${units(wei)} ETH`);

/** Wei per gas in gwei, exact on hover. */
export const gwei = (wei) => h('span', { title: `${thousands(wei)} wei` }, `${units(wei, 9, 4)} gwei`);

/** 0x1234…cdef, the full value on hover. */
export const short = (hex, keep = 8) =>
  hex && hex.length > 2 * keep + 3 ? `${hex.slice(0, keep + 2)}…${hex.slice(-keep)}` : hex;

const MAX_DATE_SECONDS = 8_640_000_000_000n; // the last second a JavaScript Date can hold

/**
 * "12 s ago", "in 3 h", … from a unix timestamp (seconds, a number or a bigint), with the exact UTC time on hover;
 * "never" for a time beyond any date (an ERC-1056 validity of "for ever").
 */
export function age(timestamp, now = Date.now()) {
  const t = BigInt(timestamp);
  if (t > MAX_DATE_SECONDS) return h('span', { title: `timestamp ${t}` }, 'never');
  const delta = Math.round(now / 1000 - Number(t));
  const seconds = Math.abs(delta);
  let span;
  if (seconds < 60) span = `${seconds} s`;
  else if (seconds < 3600) span = `${Math.floor(seconds / 60)} min`;
  else if (seconds < 86_400) span = `${Math.floor(seconds / 3600)} h`;
  else span = `${Math.floor(seconds / 86_400)} d`;
  const date = new Date(Number(t) * 1000);
  const exact = date.toISOString().replace('.000Z', ' UTC').replace('T', ' ');
  return h('time', { datetime: date.toISOString(), title: exact }, delta >= 0 ? `${span} ago` : `in ${span}`);
}

/** Bytes as UTF-8 text when they are printable text, with the hex on hover; otherwise the hex. */
export function bytesOrText(hex) {
  const bytes = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(2 + 2 * i, 2), 16);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.length > 0 && /^[^\u0000-\u0008\u000e-\u001f\u007f]+$/u.test(text)) return h('span', { title: hex }, text);
  } catch {
    // not UTF-8: shown as hex
  }
  return h('span', { class: 'mono' }, hex);
}

/** Links to the explorer's pages. */
export const blockLink = (n) => h('a', { href: `#/block/${BigInt(n)}` }, thousands(n));
export const txLink = (hash, keep = 8) => h('a', { href: `#/tx/${hash}`, class: 'mono', title: hash }, short(hash, keep));
export const addressLink = (address, keep = 6) =>
  address ? h('a', { href: `#/address/${address}`, class: 'mono', title: address }, address === ZERO_ADDRESS ? '0x0' : short(address, keep)) : '—';

/** "used of limit (p %)". */
export function gasUse(used, limit) {
  const u = BigInt(used);
  const l = BigInt(limit);
  const percent = l === 0n ? 0 : Number((u * 10_000n) / l) / 100;
  return `${thousands(u)} of ${thousands(l)} (${percent.toLocaleString('en-US')} %)`;
}
