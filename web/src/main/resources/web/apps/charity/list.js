// The list of campaigns with their progress, and the forms to register an organisation and start a campaign.
import { $, chainTime, coins, contract, el, events, fillAccounts, fold, link, needContract, parseCoins, say, signers,
  status, transact, wireNav, formatTime } from './charity.js';

const STATUS_TEXT = { open: 'open', funded: 'goal reached', failed: 'missed its goal: refunds open' };

async function render() {
  const { organisations, campaigns } = fold(await events());
  const now = await chainTime();
  const items = [...campaigns.values()].reverse().map((c) => {
    const li = el('li');
    li.dataset.campaign = c.id;
    const h = el('h2');
    const a = el('a', c.title);
    a.href = link('campaign.html', { id: c.id });
    h.append(a);
    const state = status(c, now);
    const badge = el('span', STATUS_TEXT[state], `badge ${state === 'failed' ? 'fail' : state === 'funded' ? 'ok' : ''}`);
    const org = organisations.get(c.organisation)?.name ?? `organisation ${c.organisation}`;
    const p = el('p', `${org} · ${c.token ? 'in token ' + c.token : 'in the native coin'} · until ${formatTime(c.deadline)} `);
    p.append(badge);
    const progress = el('progress');
    progress.max = 1000;
    progress.value = Number((c.raised * 1000n) / c.goal) > 1000 ? 1000 : Number((c.raised * 1000n) / c.goal);
    progress.id = `progress-${c.id}`;
    const label = el('p', `${coins(c.raised)} raised of ${coins(c.goal)} · ${coins(c.disbursed)} disbursed · `
      + `${c.donations.length} donation(s)`, 'progress-text');
    label.id = `progress-label-${c.id}`;
    progress.setAttribute('aria-labelledby', label.id);
    li.append(h, p, progress, label);
    return li;
  });
  $('campaigns').replaceChildren(...items);
  say($('list-status'), items.length ? '' : 'No campaign yet.');
  const orgSelect = $('campaign-org');
  orgSelect.replaceChildren(...[...organisations.values()].map((o) => {
    const option = el('option', `${o.id}: ${o.name}`);
    option.value = o.id;
    return option;
  }));
}

function beneficiaries(text) {
  return text.split('\n').map((l) => l.trim()).filter((l) => l).map((line) => {
    const m = line.match(/^(0x[0-9a-fA-F]{40})[\s,;]+(.+)$/);
    if (!m) throw new Error(`"${line}" is not an address followed by a name`);
    return { address: m[1], name: m[2].trim() };
  });
}

async function registerOrganisation(event) {
  event.preventDefault();
  const out = $('org-status');
  try {
    say(out, 'Sending…');
    const r = await transact($('org-from').value, 'registerOrganisation(address,string)',
      [$('org-admin').value.trim(), $('org-name').value.trim()]);
    await render();
    say(out, `Registered in block ${BigInt(r.blockNumber)}.`, 'ok');
  } catch (e) {
    say(out, e.message, 'fail');
  }
}

async function startCampaign(event) {
  event.preventDefault();
  const out = $('campaign-status');
  try {
    const list = beneficiaries($('campaign-beneficiaries').value);
    const token = $('campaign-token').value.trim() || `0x${'0'.repeat(40)}`;
    const deadline = BigInt((await chainTime()) + Number($('campaign-days').value) * 86400);
    say(out, 'Sending…');
    const r = await transact($('campaign-from').value,
      'createCampaign(uint256,string,address,uint256,uint64,address[],string[])',
      [BigInt($('campaign-org').value), $('campaign-title').value.trim(), token, parseCoins($('campaign-goal').value),
        deadline, list.map((b) => b.address), list.map((b) => b.name)]);
    await render();
    say(out, `Campaign started in block ${BigInt(r.blockNumber)}.`, 'ok');
  } catch (e) {
    say(out, e.message, 'fail');
  }
}

async function main() {
  wireNav();
  $('choose-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?charity=${$('contract-address').value.trim()}`;
  });
  if (!needContract($('choose'))) {
    say($('list-status'), 'No contract chosen yet.');
    return;
  }
  $('about').textContent = `Charity contract ${contract()}. Every amount below is read from the chain: the contract's `
    + 'events are the only record.';
  const { kind } = await signers();
  if (kind !== 'none') {
    $('manage').hidden = false;
    await fillAccounts($('org-from'));
    await fillAccounts($('campaign-from'));
  }
  $('org-form').addEventListener('submit', registerOrganisation);
  $('campaign-form').addEventListener('submit', startCampaign);
  await render();
}

main().catch((e) => say($('list-status'), `Could not read the campaigns: ${e.message}`, 'fail'));
