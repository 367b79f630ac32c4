// One campaign: its progress, donations, disbursements with their evidence and delivery confirmations, and the
// actions its people take: give, disburse (the organisation's admin), confirm delivery (the beneficiary), refund.
import { $, beneficiaryName, blockTime, chainTime, coins, contract, el, events, fillAccounts, fold, formatTime, link,
  needContract, parseCoins, say, short, signers, status, transact, wireNav } from './charity.js';

const id = Number(new URLSearchParams(location.search).get('id'));
let campaign;
let organisation;

function cells(row, values) {
  for (const v of values) {
    const td = el('td');
    if (v instanceof Node) td.append(v);
    else td.textContent = v;
    row.append(td);
  }
  return row;
}

async function render() {
  const { organisations, campaigns } = fold(await events());
  campaign = campaigns.get(id);
  if (!campaign) {
    say($('page-status'), `There is no campaign ${id} in this contract.`, 'fail');
    return;
  }
  organisation = organisations.get(campaign.organisation);
  const now = await chainTime();
  const state = status(campaign, now);
  document.title = `${campaign.title} · Stele charity`;
  $('title').textContent = campaign.title;
  $('facts').textContent = `By ${organisation?.name ?? 'organisation ' + campaign.organisation}, `
    + `${campaign.token ? 'in token ' + campaign.token : 'in the native coin'}, open until `
    + `${formatTime(campaign.deadline)}. `
    + (state === 'failed' ? 'It missed its goal: donors can take their donations back.'
      : state === 'funded' ? 'It reached its goal.' : 'It is open for donations.');
  $('progress').max = 1000;
  const permille = Number((campaign.raised * 1000n) / campaign.goal);
  $('progress').value = Math.min(permille, 1000);
  $('progress-label').textContent = `${coins(campaign.raised)} raised of ${coins(campaign.goal)} `
    + `(${Math.floor(permille / 10)}%) · ${coins(campaign.disbursed)} disbursed · ${coins(campaign.refunded)} refunded`;
  $('give-form').hidden = now >= campaign.deadline;
  $('refund-form').hidden = state !== 'failed';

  $('beneficiaries').replaceChildren(...campaign.beneficiaries.map((b) => {
    const li = el('li', `${b.name} `);
    li.append(el('span', b.address, 'mono'));
    return li;
  }));
  $('donations').tBodies[0].replaceChildren(...campaign.donations.map((d) => {
    const a = el('a', 'follow');
    a.href = link('track.html', { q: d.transaction });
    a.setAttribute('aria-label', `follow donation ${d.donation}`);
    return cells(el('tr'), [String(d.donation), el('span', d.donor, 'mono'), coins(d.amount), String(d.block), a]);
  }));
  const pending = [];
  const rows = [];
  for (const d of campaign.disbursements) {
    const evidence = el('span');
    const uri = el('a', d.evidenceUri);
    uri.href = d.evidenceUri;
    uri.rel = 'noopener noreferrer';
    evidence.append(uri, el('br'), el('span', `hash ${d.evidenceHash}`, 'mono'));
    const delivery = d.confirmed
      ? el('span', `confirmed by ${beneficiaryName(campaign, d.beneficiary)} in block ${d.confirmed.block}`
        + ` (${await blockTime(d.confirmed.block)})`, 'ok')
      : el('span', 'not yet confirmed', 'muted');
    if (!d.confirmed) pending.push(d);
    const row = cells(el('tr'), [String(d.disbursement), beneficiaryName(campaign, d.beneficiary), coins(d.amount),
      evidence, delivery]);
    row.dataset.disbursement = d.disbursement;
    rows.push(row);
  }
  $('disbursements').tBodies[0].replaceChildren(...rows);
  $('confirm-which').replaceChildren(...pending.map((d) => {
    const o = el('option', `#${d.disbursement}: ${coins(d.amount)} to ${beneficiaryName(campaign, d.beneficiary)}`);
    o.value = d.disbursement;
    return o;
  }));
  const { kind } = await signers();
  $('confirm-form').hidden = pending.length === 0 || kind === 'none';
  $('disburse-card').hidden = kind === 'none';
  $('disburse-to').replaceChildren(...campaign.beneficiaries.map((b) => {
    const o = el('option', `${b.name} (${short(b.address)})`);
    o.value = b.address;
    return o;
  }));
}

function action(form, statusId, run) {
  $(form).addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = $(statusId);
    try {
      say(out, 'Sending…');
      const receipt = await run();
      await render();
      say(out, `Done in block ${BigInt(receipt.blockNumber)} (transaction ${receipt.transactionHash}).`, 'ok');
    } catch (e) {
      say(out, e.message, 'fail');
    }
  });
}

async function hashFile(file) {
  if (!globalThis.crypto?.subtle) throw new Error('this browser computes no SHA-256 here (not a secure context): paste the hash');
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return `0x${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

async function main() {
  wireNav();
  $('choose-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?charity=${$('contract-address').value.trim()}&id=${id}`;
  });
  if (!needContract($('choose'))) return;
  for (const s of ['give-from', 'refund-from', 'confirm-from', 'disburse-from']) await fillAccounts($(s));
  action('give-form', 'give-status', async () => {
    const amount = parseCoins($('give-amount').value);
    const from = $('give-from').value;
    if (!campaign.token) return transact(from, 'donate(uint256)', [BigInt(id)], { value: amount });
    await transact(from, 'approve(address,uint256)', [contract(), amount],
      { to: campaign.token });
    return transact(from, 'donateToken(uint256,uint256)', [BigInt(id), amount]);
  });
  action('refund-form', 'refund-status', () => transact($('refund-from').value, 'refund(uint256)', [BigInt(id)]));
  action('confirm-form', 'confirm-status', () => transact($('confirm-from').value, 'confirmDelivery(uint256)',
    [BigInt($('confirm-which').value)]));
  action('disburse-form', 'disburse-status', () => transact($('disburse-from').value,
    'disburse(uint256,address,uint256,bytes32,string)', [BigInt(id), $('disburse-to').value,
      parseCoins($('disburse-amount').value), $('disburse-hash').value.trim(), $('disburse-uri').value.trim()]));
  $('disburse-file').addEventListener('change', async (e) => {
    try {
      if (e.target.files[0]) $('disburse-hash').value = await hashFile(e.target.files[0]);
    } catch (err) {
      say($('disburse-status'), err.message, 'fail');
    }
  });
  await render();
}

main().catch((e) => say($('page-status'), `Could not read the campaign: ${e.message}`, 'fail'));
