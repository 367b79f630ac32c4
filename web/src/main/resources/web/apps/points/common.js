// The start every points page shares: the navigation carries the token, and the token form picks one.
import { $, ready, wireNav } from './points.js';

/** Wires the navigation and the token form; answers whether the page can go on (the node relays for the token). */
export async function start() {
  wireNav();
  $('choose-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams(location.search);
    q.set('token', $('token-address').value.trim());
    location.search = q.toString();
  });
  return ready($('choose'), $('choose-status'));
}
