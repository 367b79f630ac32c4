// The explorer: one page, routed by the URL's fragment (#/block/12, #/tx/0x…, #/address/0x…, #/validators), so that
// every view has a link of its own and the node serves a single static folder.
import { RpcError } from '../assets/rpc.js';
import { NotFound, card, h } from './dom.js';
import { home } from './views/home.js';
import { block } from './views/block.js';
import { transaction } from './views/transaction.js';
import { address } from './views/address.js';
import { validators } from './views/validators.js';
import { search } from './views/search.js';

const view = document.getElementById('view');
let current = null; // the view on screen: { close() } when it holds a subscription
let generation = 0; // a render that a later one overtook leaves the page alone

const ROUTES = [
  [/^$/, () => home()],
  [/^block\/(.+)$/, (m) => block(m[1])],
  [/^tx\/(0x[0-9a-fA-F]{64})$/, (m) => transaction(m[1])],
  [/^address\/(0x[0-9a-fA-F]{40})(?:\/before\/(\d+)(?:\.(\d+))?)?$/, (m) => address(m[1], m[2], m[3])],
  [/^validators$/, () => validators()],
  [/^search\/(.*)$/, (m) => search(decodeURIComponent(m[1]))],
];

async function render() {
  const mine = ++generation;
  current?.close?.();
  current = null;
  const path = location.hash.replace(/^#\/?/, '');
  const route = ROUTES.find(([pattern]) => pattern.test(path));
  document.title = 'Explorer · Stele';
  view.replaceChildren(h('section', { class: 'card' }, h('p', { class: 'muted' }, 'Loading…')));
  try {
    if (!route) throw new NotFound(`There is no page at #/${path}.`);
    const shown = await route[1](path.match(route[0]));
    if (mine !== generation) return shown.close?.();
    view.replaceChildren(...shown.nodes);
    if (shown.title) document.title = `${shown.title} · Stele`;
    current = shown;
  } catch (e) {
    if (mine === generation) view.replaceChildren(problem(e));
  }
}

function problem(e) {
  if (e instanceof NotFound) {
    return card('Not found', h('p', { id: 'not-found' }, e.message), h('p', {}, h('a', { href: '#/' }, 'Back to the latest blocks')));
  }
  let why = e instanceof RpcError ? `The node answered: ${e.message} (code ${e.code}).` : `Something went wrong: ${e.message}`;
  if (e instanceof RpcError && e.unreachable) why = `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}.`;
  return card('This page could not be shown', h('p', { class: 'fail' }, why), h('p', {}, h('a', { href: location.hash || '#/' }, 'Try again')));
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('q').value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', render);
render();
