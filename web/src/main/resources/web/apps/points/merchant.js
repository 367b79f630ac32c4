// /apps/points/merchant.html: a customer redeems points at a merchant. The customer signs a ForwardRequest for
// redeem(merchant, amount, reference); the relayer pays the gas; the points are burnt and Redeemed names the merchant.
import { start } from './common.js';
import { $, el, encode, events, fillAccounts, parsePoints, relay, say, short } from './points.js';

async function show() {
  const merchant = $('merchant').value;
  const rows = [];
  let total = 0n;
  for (const e of await events()) {
    if (e.event !== 'Redeemed' || e.merchant !== merchant) continue;
    total += e.amount;
    const tr = el('tr');
    tr.append(el('td', String(e.block)), el('td', short(e.holder), 'mono'), el('td', e.amount.toString()), el('td', e.ref));
    rows.push(tr);
  }
  $('redemptions').tBodies[0].replaceChildren(...rows.reverse());
  $('redeemed-total').textContent = `${total} points redeemed here in all.`;
}

if (await start()) {
  const params = new URLSearchParams(location.search);
  await fillAccounts($('merchant'), params.get('merchant')?.toLowerCase());
  await fillAccounts($('customer'), params.get('customer')?.toLowerCase());
  $('merchant').addEventListener('change', show);
  $('redeem-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = $('redeem-status');
    try {
      const amount = parsePoints($('redeem-amount').value);
      say(status, 'The customer signs, then the relayer submits…');
      const done = await relay($('customer').value,
        encode('redeem(address,uint256,string)', $('merchant').value, amount, $('redeem-ref').value.trim()));
      const said = `Redeemed ${amount} points in block ${done.block} (transaction ${short(done.transaction)}).`;
      // Done is said once the page shows it, so a reader of the status never sees the old balance.
      await show().then(() => say(status, said, 'ok'),
        (e) => say(status, `${said} The page could not be refreshed: ${e.message}`, 'fail'));
    } catch (e) {
      say(status, e.message, 'fail');
    }
  });
  await show();
}
