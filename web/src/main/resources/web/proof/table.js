// The table of checks every proof page shows (the receipt checker's, the charity's and the notary's verify pages): one
// row per check in order, passed up to the one that failed, not reached after it.

/**
 * Fills `table`'s body from `checks` ([name, what it means]) and `result` ({ ok } or { ok: false, check }). A failure
 * named by no check (a malformed file, a bad genesis hash) leaves every check not reached.
 */
export function showChecks(table, checks, result) {
  const failedAt = result.ok ? checks.length : checks.findIndex(([name]) => name === result.check);
  table.tBodies[0].replaceChildren(...checks.map(([name, means], i) => {
    const row = document.createElement('tr');
    row.dataset.check = name;
    const state = failedAt === -1 ? ['not reached', 'muted']
      : i < failedAt ? ['passed', 'ok'] : i === failedAt ? ['failed', 'fail'] : ['not reached', 'muted'];
    for (const [text, cls] of [[name, 'mono'], [means, ''], state]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (cls) cell.className = cls;
      row.append(cell);
    }
    return row;
  }));
}
