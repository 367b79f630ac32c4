// Where each donation went, first-in first-out: the same attribution as the Java SDK's FifoTrace, on the same shared
// vectors (apps/charity/src/test/resources/org/stele/apps/charity/fifo-vectors.json). A campaign's disbursements spend
// its donations in the order they arrived; a refund takes back all of a donor's unspent donations to that campaign.
// Events are { event, block, logIndex, transaction, campaign, … } with amounts as BigInt or decimal strings.

const chainOrder = (a, b) => a.block - b.block || a.logIndex - b.logIndex;
const at = (e) => ({ block: e.block, logIndex: e.logIndex, transaction: e.transaction });

/**
 * Every donation in chain order: { campaign, donation, donor, amount, transaction, block, parts: [{ disbursement,
 * beneficiary, amount, confirmed: { block, logIndex, transaction } | null }], held, refunded }, amounts as BigInt.
 * Throws when the events cannot come from one Charity contract.
 */
export function trace(events) {
  const ordered = [...events].sort(chainOrder);
  const unspent = new Map();
  const confirmations = new Map();
  const disbursed = new Set();
  const all = [];
  for (const e of ordered) {
    switch (e.event) {
      case 'Donated': {
        const open = { e, parts: [], remaining: BigInt(e.amount), refunded: 0n };
        all.push(open);
        if (!unspent.has(e.campaign)) unspent.set(e.campaign, []);
        unspent.get(e.campaign).push(open);
        break;
      }
      case 'Disbursed': {
        disbursed.add(e.disbursement);
        const queue = unspent.get(e.campaign) ?? [];
        let left = BigInt(e.amount);
        while (left > 0n) {
          const head = queue[0];
          if (!head) throw new Error(`disbursement ${e.disbursement} pays ${left} more than campaign ${e.campaign} received`);
          const take = head.remaining < left ? head.remaining : left;
          head.parts.push({ disbursement: e.disbursement, beneficiary: e.beneficiary, amount: take });
          head.remaining -= take;
          left -= take;
          if (head.remaining === 0n) queue.shift();
        }
        break;
      }
      case 'DeliveryConfirmed':
        if (!disbursed.has(e.disbursement)) throw new Error(`confirmation of disbursement ${e.disbursement}, which was never made`);
        if (confirmations.has(e.disbursement)) throw new Error(`disbursement ${e.disbursement} confirmed twice`);
        confirmations.set(e.disbursement, at(e));
        break;
      case 'Refunded': {
        const queue = unspent.get(e.campaign) ?? [];
        let total = 0n;
        for (const open of queue.filter((o) => o.e.donor === e.donor)) {
          total += open.remaining;
          open.refunded += open.remaining;
          open.remaining = 0n;
        }
        unspent.set(e.campaign, queue.filter((o) => o.remaining > 0n));
        if (total !== BigInt(e.amount)) {
          throw new Error(`refund of ${e.amount} to ${e.donor} does not match the ${total} left of their donations`);
        }
        break;
      }
      default:
    }
  }
  return all.map(({ e, parts, remaining, refunded }) => ({
    campaign: e.campaign,
    donation: e.donation,
    donor: e.donor,
    amount: BigInt(e.amount),
    transaction: e.transaction,
    block: e.block,
    parts: parts.map((p) => ({ ...p, confirmed: confirmations.get(p.disbursement) ?? null })),
    held: remaining,
    refunded,
  }));
}

/** A trace in the vectors' JSON shape (amounts as decimal strings). */
export function toVectorShape(traces) {
  return traces.map((t) => ({
    campaign: t.campaign,
    donation: t.donation,
    donor: t.donor,
    amount: String(t.amount),
    transaction: t.transaction,
    parts: t.parts.map((p) => ({ disbursement: p.disbursement, beneficiary: p.beneficiary, amount: String(p.amount),
      confirmed: p.confirmed })),
    held: String(t.held),
    refunded: String(t.refunded),
  }));
}
