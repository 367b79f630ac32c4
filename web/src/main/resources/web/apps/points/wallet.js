// /apps/points/index.html: the wallet. Balance and history from the token's events, receive by QR code (qr.js),
// send gas-free: the holder signs a ForwardRequest (eth_signTypedData_v4) and the relayer submits it.
import { start } from './common.js';
import { $, balance, el, encode, events, fillAccounts, isBurn, isMint, parsePoints, relay, say, short, ADDRESS } from './points.js';
import { svg } from './qr.js';

async function show() {
  const me = $('account').value;
  $('balance').textContent = (await balance(me)).toString();
  $('qr').replaceChildren(svg(me, 180));
  $('receive-address').textContent = me;
  const rows = [];
  for (const e of await events()) {
    let what = null;
    if (e.event === 'Issued' && e.holder === me) what = [`issued by ${short(e.issuer)}${e.ref ? ` for “${e.ref}”` : ''}`, `+${e.amount}`];
    else if (e.event === 'Redeemed' && e.holder === me) what = [`redeemed at ${short(e.merchant)}${e.ref ? ` for “${e.ref}”` : ''}`, `−${e.amount}`];
    else if (e.event === 'Transfer' && !isMint(e) && !isBurn(e)) {
      if (e.from === me) what = [`sent to ${short(e.to)}`, `−${e.amount}`];
      else if (e.to === me) what = [`received from ${short(e.from)}`, `+${e.amount}`];
    }
    if (!what) continue;
    const tr = el('tr');
    tr.append(el('td', String(e.block)), el('td', what[0]), el('td', what[1]), el('td', short(e.transaction), 'mono'));
    rows.push(tr);
  }
  $('history').tBodies[0].replaceChildren(...rows.reverse());
}

if (await start()) {
  await fillAccounts($('account'), new URLSearchParams(location.search).get('account')?.toLowerCase());
  $('account').addEventListener('change', show);
  $('send-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = $('send-status');
    try {
      const to = $('send-to').value.trim();
      if (!ADDRESS.test(to)) throw new Error(`"${to}" is not an address (0x and 40 hex digits)`);
      const amount = parsePoints($('send-amount').value);
      say(status, 'Signing, then relaying…');
      const done = await relay($('account').value, encode('transfer(address,uint256)', to.toLowerCase(), amount));
      const said = `Sent ${amount} points, gas-free, in block ${done.block} (transaction ${short(done.transaction)}).`;
      // Done is said once the page shows it, so a reader of the status never sees the old balance.
      await show().then(() => say(status, said, 'ok'),
        (e) => say(status, `${said} The page could not be refreshed: ${e.message}`, 'fail'));
    } catch (e) {
      say(status, e.message, 'fail');
    }
  });
  await show();
}
