// Building the page from chain data without innerHTML: every value from the node (a revert reason, a token name)
// becomes a text node, so nothing the chain holds can run as markup in the explorer.

/** h('a', { href: '#/x', class: 'mono' }, 'text', childNode, …): an element; null and false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A card section with a heading. */
export const card = (title, ...children) => h('section', { class: 'card' }, title ? h('h2', {}, title) : null, children);

/** A definition list of [label, value] rows; rows with a null value are left out. */
export const fields = (rows) =>
  h('dl', { class: 'fields' }, rows.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));

/** A table with a header row, rows of cells, and a message when there are no rows. */
export function table(headers, rows, empty) {
  if (rows.length === 0) return h('p', { class: 'muted empty' }, empty);
  return h('div', { class: 'scroll' },
    h('table', {}, h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map((cells) => (cells instanceof Node ? cells : h('tr', {}, cells.map((c) => h('td', {}, c))))))));
}

/** A page that names something the chain does not have: shown as "Not found" rather than as an error. */
export class NotFound extends Error {}
