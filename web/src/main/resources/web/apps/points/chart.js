// The issuer dashboard's chart, drawn here as SVG (no library): issued, redeemed and outstanding points over blocks,
// as three step lines with axes, a legend, and a <title> per series that states its last value.
const NS = 'http://www.w3.org/2000/svg';

/** Cumulative series from the token's events: [{ block, issued, redeemed, outstanding }], one point per block. */
export function series(events) {
  const points = [];
  let issued = 0n;
  let redeemed = 0n;
  for (const e of events) {
    if (e.event === 'Issued') issued += e.amount;
    else if (e.event === 'Redeemed') redeemed += e.amount;
    else continue;
    const point = { block: e.block, issued, redeemed, outstanding: issued - redeemed };
    if (points.length && points.at(-1).block === e.block) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

function node(name, attributes, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const LINES = [['issued', 'series-issued', 'Issued'], ['redeemed', 'series-redeemed', 'Redeemed'],
  ['outstanding', 'series-outstanding', 'Outstanding']];

/** An SVG element charting `points` (from series()) in a `width`×`height` box. */
export function chart(points, width = 640, height = 260) {
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart',
    'aria-label': 'Issued, redeemed and outstanding points over blocks' });
  const left = 56;
  const right = width - 12;
  const top = 28;
  const bottom = height - 32;
  if (points.length === 0) {
    svg.append(node('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'axis-label' }, 'No points issued yet'));
    return svg;
  }
  const first = points[0].block;
  const last = Math.max(points.at(-1).block, first + 1);
  const max = points.reduce((m, p) => (p.issued > m ? p.issued : m), 1n);
  const x = (block) => left + ((block - first) / (last - first)) * (right - left);
  const y = (value) => bottom - (Number(value) / Number(max)) * (bottom - top);
  svg.append(node('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }),
    node('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }));
  for (const v of [0n, max / 2n, max]) {
    svg.append(node('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'axis-label' }, v.toString()));
  }
  svg.append(node('text', { x: left, y: height - 10, class: 'axis-label' }, `block ${first}`),
    node('text', { x: right, y: height - 10, 'text-anchor': 'end', class: 'axis-label' }, `block ${points.at(-1).block}`));
  LINES.forEach(([key, cls, label], i) => {
    let d = '';
    points.forEach((p, j) => {
      d += j === 0 ? `M${x(p.block)} ${y(p[key])}` : `H${x(p.block)}V${y(p[key])}`;
    });
    d += `H${right}`;
    const path = node('path', { d, class: `series ${cls}`, 'data-series': key, 'data-last': points.at(-1)[key].toString() });
    path.append(node('title', {}, `${label}: ${points.at(-1)[key]}`));
    svg.append(path);
    svg.append(node('rect', { x: left + 8 + i * 130, y: 8, width: 12, height: 12, class: `swatch ${cls}` }),
      node('text', { x: left + 24 + i * 130, y: 18, class: 'legend' }, `${label} ${points.at(-1)[key]}`));
  });
  return svg;
}
