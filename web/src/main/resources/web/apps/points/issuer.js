// /apps/points/issuer.html: the issuer's dashboard. Issued, redeemed and outstanding points over blocks, folded from the
// token's Issued and Redeemed events and drawn by chart.js; it follows new blocks. Issuing is an ordinary transaction.
import { subscribe } from '../../assets/rpc.js';
import { start } from './common.js';
import { chart, series } from './chart.js';
import { $, ADDRESS, encode, events, fillAccounts, parsePoints, say, short, transact } from './points.js';

async function draw() {
  const points = series(await events());
  const last = points.at(-1) ?? { issued: 0n, redeemed: 0n, outstanding: 0n };
  for (const key of ['issued', 'redeemed', 'outstanding']) {
    const box = $(`total-${key}`);
    box.firstChild.textContent = last[key].toString();
  }
  $('chart').replaceChildren(chart(points));
}

if (await start()) {
  await fillAccounts($('issuer'), new URLSearchParams(location.search).get('issuer')?.toLowerCase());
  $('issue-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = $('issue-status');
    try {
      const to = $('issue-to').value.trim();
      if (!ADDRESS.test(to)) throw new Error(`"${to}" is not an address (0x and 40 hex digits)`);
      const amount = parsePoints($('issue-amount').value);
      say(status, 'Issuing…');
      const receipt = await transact($('issuer').value,
        encode('issue(address,uint256,string)', to.toLowerCase(), amount, $('issue-ref').value.trim()));
      const said = `Issued ${amount} points in block ${Number(BigInt(receipt.blockNumber))} (transaction ${short(receipt.transactionHash)}).`;
      // Done is said once the dashboard shows it, as on the wallet and merchant pages.
      await draw().then(() => say(status, said, 'ok'),
        (e) => say(status, `${said} The dashboard could not be refreshed: ${e.message}`, 'fail'));
    } catch (e) {
      say(status, e.message, 'fail');
    }
  });
  await draw();
  subscribe('newHeads', [], () => draw().catch((e) => say($('chart-status'), e.message, 'fail')),
    (state) => say($('chart-status'), state === 'live' ? 'Following new blocks.' : 'Reconnecting…'));
}
