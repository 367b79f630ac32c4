// A donor's tracking page: each donation followed first-in first-out (fifo.js, the same attribution as the Java SDK)
// to the disbursements it paid for and the beneficiaries' delivery confirmations, with its receipts to download.
import { $, beneficiaryName, blockTime, coins, downloadReceipt, el, events, fold, link, needContract, say,
  wireNav } from './charity.js';
import { trace } from './fifo.js';

async function sentence(t, campaign) {
  const pieces = [];
  for (const p of t.parts) {
    const name = beneficiaryName(campaign, p.beneficiary);
    pieces.push(p.confirmed
      ? `${coins(p.amount)} delivered to ${name} (confirmed by ${name} on ${await blockTime(p.confirmed.block)})`
      : `${coins(p.amount)} pending for ${name}`);
  }
  if (t.held > 0n) pieces.push(`${coins(t.held)} not yet disbursed`);
  if (t.refunded > 0n) pieces.push(`${coins(t.refunded)} refunded to you`);
  return `Your ${coins(t.amount)}: ${pieces.join(', ')}.`;
}

function button(text, run, status) {
  const b = el('button', text, 'secondary');
  b.type = 'button';
  b.addEventListener('click', async () => {
    try {
      say(status, 'Asking the node for the proof…');
      await run();
      say(status, 'Saved. Anyone can check it offline on the verify page.', 'ok');
    } catch (e) {
      say(status, `No receipt: ${e.message}`, 'fail');
    }
  });
  return b;
}

async function card(t, campaign) {
  const section = el('section', undefined, 'card trace');
  section.dataset.donation = `${t.campaign}-${t.donation}`;
  const h = el('h2');
  const a = el('a', campaign.title);
  a.href = link('campaign.html', { id: t.campaign });
  h.append(`Donation #${t.donation} to `, a);
  const who = el('p', 'From ', 'muted');
  who.append(el('span', t.donor, 'mono donor'), ` in block ${t.block} (${await blockTime(t.block)}), transaction `,
    el('span', t.transaction, 'mono transaction'));
  const list = el('ul', undefined, 'parts');
  for (const p of t.parts) {
    const name = beneficiaryName(campaign, p.beneficiary);
    const d = campaign.disbursements.find((x) => x.disbursement === p.disbursement);
    const li = el('li', `${coins(p.amount)} of disbursement #${p.disbursement} to ${name}: `);
    li.append(p.confirmed
      ? el('span', `delivered, confirmed by ${name} in block ${p.confirmed.block}`, 'ok')
      : el('span', 'paid out, delivery not yet confirmed', 'muted'));
    if (d) {
      const ev = el('a', 'evidence');
      ev.href = d.evidenceUri;
      ev.rel = 'noopener noreferrer';
      li.append(' · ', ev);
    }
    list.append(li);
  }
  const status = el('p', '', 'status');
  status.setAttribute('role', 'status');
  const actions = el('div', undefined, 'trace-actions');
  actions.append(button('Download the donation receipt', () => downloadReceipt(t.transaction, 'donation'), status));
  for (const p of t.parts.filter((x) => x.confirmed)) {
    actions.append(button(`Download the delivery receipt of #${p.disbursement}`,
      () => downloadReceipt(p.confirmed.transaction, 'delivery'), status));
  }
  section.append(h, el('p', await sentence(t, campaign), 'sentence'), who, list, actions, status);
  return section;
}

async function track(query) {
  const q = query.trim().toLowerCase();
  const out = $('track-status');
  if (!/^0x([0-9a-f]{40}|[0-9a-f]{64})$/.test(q)) {
    say(out, 'Give an address (0x and 40 hex digits) or a transaction hash (0x and 64).', 'fail');
    return;
  }
  say(out, 'Reading the chain…');
  const list = await events();
  const { campaigns } = fold(list);
  const traces = trace(list).filter((t) => (q.length === 42 ? t.donor === q : t.transaction.toLowerCase() === q));
  const cards = [];
  for (const t of traces) cards.push(await card(t, campaigns.get(t.campaign)));
  $('traces').replaceChildren(...cards);
  say(out, traces.length ? `${traces.length} donation(s).` : 'No donation found for that.', traces.length ? 'ok' : '');
}

async function main() {
  wireNav();
  $('choose-form').addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?charity=${$('contract-address').value.trim()}`;
  });
  if (!needContract($('choose'))) return;
  $('track-form').addEventListener('submit', (e) => {
    e.preventDefault();
    history.replaceState(null, '', link('track.html', { q: $('who').value.trim() }));
    track($('who').value).catch((err) => say($('track-status'), err.message, 'fail'));
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    $('who').value = q;
    await track(q);
  }
}

main().catch((e) => say($('track-status'), `Could not read the chain: ${e.message}`, 'fail'));
