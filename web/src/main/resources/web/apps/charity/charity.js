// What every charity page shares: which Charity contract (?charity=0x… in the address, remembered in this browser),
// its events read with eth_getLogs and folded into campaigns, amounts, and signing: through the browser's wallet (an
// injected EIP-1193 provider) when it has one, otherwise through the node's dev accounts on a dev chain (/assets/wallet.js).
import { call } from '../../assets/rpc.js';
import { transact as send } from '../../assets/wallet.js';
import { decodeError, decodeEvent, encodeCall } from './abi.js';

export const $ = (id) => document.getElementById(id);
const KEY = 'stele.charity.contract';
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** The Charity contract these pages show: from ?charity=, else the last one used here; null when none is known. */
export function contract() {
  const fromUrl = new URLSearchParams(location.search).get('charity');
  if (fromUrl && ADDRESS.test(fromUrl)) {
    localStorage.setItem(KEY, fromUrl.toLowerCase());
    return fromUrl.toLowerCase();
  }
  const kept = localStorage.getItem(KEY);
  return kept && ADDRESS.test(kept) ? kept : null;
}

/** A link to another charity page, carrying the contract. */
export function link(page, params = {}) {
  const q = new URLSearchParams({ charity: contract() ?? '', ...params });
  return `${page}?${q}`;
}

/** Points the navigation links (class nav) at the same contract. */
export function wireNav() {
  for (const a of document.querySelectorAll('a[data-page]')) a.href = link(a.dataset.page);
}

/** Shows one line of status: kind is 'ok', 'fail' or '' (working). */
export function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `status ${kind}`;
}

const DECIMALS = 18n;
const UNIT = 10n ** DECIMALS;

/** An amount in the smallest unit as coins, e.g. 1500000000000000000n → '1.5'. */
export function coins(wei) {
  const v = BigInt(wei);
  const whole = v / UNIT;
  const frac = (v % UNIT).toString().padStart(Number(DECIMALS), '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** Coins typed by a person ('1.5') in the smallest unit; throws a one-line error when it is not an amount. */
export function parseCoins(text) {
  const t = String(text).trim();
  if (!/^\d+(\.\d{1,18})?$/.test(t)) throw new Error(`"${t}" is not an amount (digits, and up to 18 decimals)`);
  const [whole, frac = ''] = t.split('.');
  return BigInt(whole) * UNIT + BigInt(frac.padEnd(Number(DECIMALS), '0'));
}

export const short = (hex) => (hex ? `${hex.slice(0, 8)}…${hex.slice(-6)}` : '');

/** Every Charity event so far, in chain order, with its block, log index and transaction. */
export async function events(address = contract()) {
  const logs = await call('eth_getLogs', [{ fromBlock: '0x0', toBlock: 'latest', address }]);
  const out = [];
  for (const log of logs) {
    const e = decodeEvent(log.topics, log.data);
    if (!e) continue;
    out.push({ ...e, block: Number(BigInt(log.blockNumber)), logIndex: Number(BigInt(log.logIndex)),
      transaction: log.transactionHash });
  }
  return out.sort((a, b) => a.block - b.block || a.logIndex - b.logIndex);
}

/** Organisations and campaigns as the events tell them. */
export function fold(list) {
  const organisations = new Map();
  const campaigns = new Map();
  const disbursements = new Map();
  for (const e of list) {
    switch (e.event) {
      case 'OrganisationRegistered':
        organisations.set(e.organisation, { id: e.organisation, admin: e.admin, name: e.name });
        break;
      case 'CampaignCreated':
        campaigns.set(e.campaign, { id: e.campaign, organisation: e.organisation, token: e.token, goal: e.goal,
          deadline: e.deadline, title: e.title, beneficiaries: [], donations: [], disbursements: [], refunds: [],
          raised: 0n, disbursed: 0n, refunded: 0n, created: e });
        break;
      case 'BeneficiaryAdded':
        campaigns.get(e.campaign)?.beneficiaries.push({ address: e.beneficiary, name: e.name });
        break;
      case 'Donated': {
        const c = campaigns.get(e.campaign);
        c.donations.push(e);
        c.raised += e.amount;
        break;
      }
      case 'Disbursed': {
        const c = campaigns.get(e.campaign);
        const d = { ...e, confirmed: null };
        c.disbursements.push(d);
        disbursements.set(e.disbursement, d);
        c.disbursed += e.amount;
        break;
      }
      case 'DeliveryConfirmed':
        if (disbursements.has(e.disbursement)) disbursements.get(e.disbursement).confirmed = e;
        break;
      case 'Refunded': {
        const c = campaigns.get(e.campaign);
        c.refunds.push(e);
        c.refunded += e.amount;
        break;
      }
      default:
    }
  }
  return { organisations, campaigns };
}

/** A beneficiary's name in a campaign, or the short address. */
export function beneficiaryName(campaign, address) {
  return campaign?.beneficiaries.find((b) => b.address === address)?.name ?? short(address);
}

/** 'open', 'funded' (goal reached), 'failed' (deadline passed below the goal) or 'closed' (deadline passed, funded). */
export function status(campaign, now) {
  const reached = campaign.raised >= campaign.goal;
  if (now < campaign.deadline) return reached ? 'funded' : 'open';
  return reached ? 'funded' : 'failed';
}

/** The latest block's timestamp, in seconds: the clock the contract's deadlines are read against. */
export async function chainTime() {
  const head = await call('eth_getBlockByNumber', ['latest', false]);
  return Number(BigInt(head.timestamp));
}

const timestamps = new Map();
/** A block's time as 'YYYY-MM-DD HH:MM UTC'. */
export async function blockTime(block) {
  if (!timestamps.has(block)) {
    const b = await call('eth_getBlockByNumber', [`0x${block.toString(16)}`, false]);
    timestamps.set(block, Number(BigInt(b.timestamp)));
  }
  return formatTime(timestamps.get(block));
}

export const formatTime = (seconds) => `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

// Signing: the browser's wallet when it has one, the node's dev accounts on a dev chain (/assets/wallet.js).
export { fillAccounts, signers } from '../../assets/wallet.js';

/**
 * Sends a call to the contract (or `to`) from `from`: first as eth_call, so a refusal is shown by its error name and
 * nothing is sent; then signed by the wallet or the node (dev chain); resolves to the receipt once mined.
 */
export function transact(from, signature, args, { value = 0n, to = contract() } = {}) {
  return send({ from, to, data: encodeCall(signature, ...args), value: `0x${value.toString(16)}` }, decodeError);
}

/** Asks the node for a transaction's stele-proof/1 and saves it as a file: the receipt anyone verifies offline. */
export async function downloadReceipt(txHash, label) {
  const proof = await call('stele_getTransactionProof', [txHash]);
  const blob = new Blob([JSON.stringify(proof, null, 1)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${label}-${txHash.slice(2, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A table cell or element with text, and optional class. */
export function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** Shows the contract-address form when no contract is known; answers whether one is. */
export function needContract(section) {
  if (contract()) return true;
  section.hidden = false;
  return false;
}
