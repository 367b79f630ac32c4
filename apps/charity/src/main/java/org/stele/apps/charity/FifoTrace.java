package org.stele.apps.charity;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.stele.apps.charity.CharityEvent.Position;

/**
 * Where each donation went, first-in first-out: a campaign's disbursements spend its donations in the order they
 * arrived, so "your 100: 60 delivered to A, 40 pending for B" follows from the events alone and anyone recomputes the
 * same answer. The page's {@code fifo.js} does the same on the same test vectors.
 *
 * <p>
 * Refunds take back all of a donor's unspent donations to a campaign; the contract only refunds campaigns that never
 * disbursed, so a refund and a disbursement never share a donation.
 */
public final class FifoTrace {
    /** Part of a donation paid out by one disbursement; {@code confirmed} is the beneficiary's delivery receipt. */
    public record Part(long disbursement, String beneficiary, BigInteger amount, Optional<Position> confirmed) {
        public boolean delivered() {
            return confirmed.isPresent();
        }
    }

    /**
     * One donation and where it went: {@code parts} paid out, {@code held} still in the campaign, {@code refunded}
     * given back to the donor.
     */
    public record DonationTrace(long campaign, long donation, String donor, BigInteger amount, Position position,
            List<Part> parts, BigInteger held, BigInteger refunded) {
        public DonationTrace {
            parts = List.copyOf(parts);
        }
    }

    private final List<DonationTrace> donations;

    private FifoTrace(List<DonationTrace> donations) {
        this.donations = List.copyOf(donations);
    }

    /** Every donation in chain order. */
    public List<DonationTrace> donations() {
        return donations;
    }

    /** A donor's donations, in chain order. */
    public List<DonationTrace> of(String donor) {
        String d = donor.toLowerCase(Locale.ROOT);
        return donations.stream().filter(t -> t.donor().equals(d)).toList();
    }

    /** The donations a transaction made. */
    public List<DonationTrace> ofTransaction(String txHash) {
        String h = txHash.toLowerCase(Locale.ROOT);
        return donations.stream().filter(t -> t.position().transaction().toLowerCase(Locale.ROOT).equals(h)).toList();
    }

    /**
     * Attributes the disbursements among {@code events} (in any order: they are put in chain order) to the donations.
     *
     * @throws IllegalArgumentException
     *             when the events cannot come from one Charity contract: a disbursement beyond what its campaign
     *             received, a refund that does not match the donor's unspent donations, a confirmation of nothing
     */
    public static FifoTrace of(Collection<? extends CharityEvent> events) {
        List<CharityEvent> ordered = new ArrayList<>(events);
        ordered.sort((a, b) -> Position.CHAIN_ORDER.compare(a.position(), b.position()));
        Map<Long, Deque<Open>> unspent = new HashMap<>();
        Map<Long, Position> confirmations = new HashMap<>();
        java.util.Set<Long> disbursed = new java.util.HashSet<>();
        List<Open> all = new ArrayList<>();
        for (CharityEvent e : ordered) {
            switch (e) {
                case CharityEvent.Donated d -> {
                    Open o = new Open(d);
                    all.add(o);
                    unspent.computeIfAbsent(d.campaign(), c -> new ArrayDeque<>()).add(o);
                }
                case CharityEvent.Disbursed d -> {
                    disbursed.add(d.disbursement());
                    spend(unspent.getOrDefault(d.campaign(), new ArrayDeque<>()), d);
                }
                case CharityEvent.DeliveryConfirmed c -> {
                    if (!disbursed.contains(c.disbursement()))
                        throw new IllegalArgumentException("confirmation of disbursement " + c.disbursement()
                                + ", which was never made");
                    if (confirmations.putIfAbsent(c.disbursement(), c.position()) != null)
                        throw new IllegalArgumentException("disbursement " + c.disbursement() + " confirmed twice");
                }
                case CharityEvent.Refunded r -> refund(unspent.getOrDefault(r.campaign(), new ArrayDeque<>()), r);
                case CharityEvent.OrganisationRegistered o -> {
                }
                case CharityEvent.CampaignCreated c -> {
                }
                case CharityEvent.BeneficiaryAdded b -> {
                }
            }
        }
        List<DonationTrace> traces = new ArrayList<>();
        for (Open o : all) {
            List<Part> parts = o.parts.stream()
                    .map(p -> new Part(p.disbursement(), p.beneficiary(), p.amount(),
                            Optional.ofNullable(confirmations.get(p.disbursement()))))
                    .toList();
            traces.add(new DonationTrace(o.donated.campaign(), o.donated.donation(), o.donated.donor(),
                    o.donated.amount(), o.donated.position(), parts, o.remaining, o.refunded));
        }
        return new FifoTrace(traces);
    }

    private static void spend(Deque<Open> queue, CharityEvent.Disbursed d) {
        BigInteger left = d.amount();
        while (left.signum() > 0) {
            Open head = queue.peekFirst();
            if (head == null) {
                throw new IllegalArgumentException("disbursement " + d.disbursement() + " pays " + left
                        + " more than campaign " + d.campaign() + " received");
            }
            BigInteger take = head.remaining.min(left);
            head.parts.add(new Part(d.disbursement(), d.beneficiary(), take, Optional.empty()));
            head.remaining = head.remaining.subtract(take);
            left = left.subtract(take);
            if (head.remaining.signum() == 0) queue.removeFirst();
        }
    }

    private static void refund(Deque<Open> queue, CharityEvent.Refunded r) {
        BigInteger total = BigInteger.ZERO;
        for (var it = queue.iterator(); it.hasNext();) {
            Open o = it.next();
            if (!o.donated.donor().equals(r.donor())) continue;
            total = total.add(o.remaining);
            o.refunded = o.refunded.add(o.remaining);
            o.remaining = BigInteger.ZERO;
            it.remove();
        }
        if (!total.equals(r.amount())) {
            throw new IllegalArgumentException("refund of " + r.amount() + " to " + r.donor() + " in campaign "
                    + r.campaign() + " does not match the " + total + " left of their donations");
        }
    }

    /** A donation while it is being spent. */
    private static final class Open {
        final CharityEvent.Donated donated;
        final List<Part> parts = new ArrayList<>();
        BigInteger remaining;
        BigInteger refunded = BigInteger.ZERO;

        Open(CharityEvent.Donated donated) {
            this.donated = donated;
            this.remaining = donated.amount();
        }
    }
}
