package org.stele.evm.interp;

import static org.stele.evm.interp.Interpreter.CONTINUE;

import org.stele.evm.Status;
import org.stele.evm.Word;
import org.stele.evm.state.JournaledState;

/**
 * SLOAD and SSTORE with their EIP-2929 access costs and EIP-2200/EIP-3529 metering and refunds, and the transient
 * storage of EIP-1153 (TLOAD, TSTORE).
 */
final class StorageOps {
    private StorageOps() {
    }

    static Word wordAt(long[] s, int a) {
        long l0 = s[a], l1 = s[a + 1], l2 = s[a + 2], l3 = s[a + 3];
        return (l0 | l1 | l2 | l3) == 0 ? Word.ZERO : new Word(l0, l1, l2, l3);
    }

    static void putWord(long[] s, int a, Word w) {
        s[a] = w.l0();
        s[a + 1] = w.l1();
        s[a + 2] = w.l2();
        s[a + 3] = w.l3();
    }

    static int sload(Frame f) {
        int a = Ops.top(f);
        Word key = wordAt(f.stack, a);
        JournaledState st = f.ip.state;
        GasSchedule g = f.ip.gs;
        if (!Ops.charge(f, st.warmSlot(f.address, key) ? g.coldSload : g.warmStorageRead))
            return Ops.OOG;
        putWord(f.stack, a, st.sload(f.address, key));
        return CONTINUE;
    }

    /** EIP-2200 with EIP-2929 costs and EIP-3529 refunds. */
    static int sstore(Frame f) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        GasSchedule g = f.ip.gs;
        if (f.gas <= g.sstoreSentry)
            return Ops.OOG;
        long[] s = f.stack;
        int a = Ops.top(f);
        Word key = wordAt(s, a);
        Word value = wordAt(s, a - 4);
        f.sp -= 2;
        JournaledState st = f.ip.state;
        long cost = st.warmSlot(f.address, key) ? g.coldSload : 0;
        Word current = st.sload(f.address, key);
        long refund = 0;
        if (current.equals(value)) {
            cost += g.warmStorageRead;
        } else {
            Word original = st.originalValue(f.address, key);
            if (original.equals(current)) {
                if (original.isZero()) {
                    cost += g.sstoreSet;
                } else {
                    cost += g.sstoreReset;
                    if (value.isZero())
                        refund += g.sstoreClearsRefund;
                }
            } else {
                cost += g.warmStorageRead;
                if (!original.isZero()) {
                    if (current.isZero())
                        refund -= g.sstoreClearsRefund;
                    else if (value.isZero())
                        refund += g.sstoreClearsRefund;
                }
                if (original.equals(value)) {
                    refund += original.isZero() ? g.sstoreSet - g.warmStorageRead : g.sstoreReset - g.warmStorageRead;
                }
            }
        }
        if (!Ops.charge(f, cost))
            return Ops.OOG;
        if (refund != 0)
            st.addRefund(refund);
        if (!current.equals(value))
            st.sstore(f.address, key, value);
        return CONTINUE;
    }

    static int tload(Frame f) {
        int a = Ops.top(f);
        putWord(f.stack, a, f.ip.state.tload(f.address, wordAt(f.stack, a)));
        return CONTINUE;
    }

    static int tstore(Frame f) {
        if (f.isStatic)
            return Status.STATIC_VIOLATION.ordinal();
        int a = Ops.top(f);
        f.ip.state.tstore(f.address, wordAt(f.stack, a), wordAt(f.stack, a - 4));
        f.sp -= 2;
        return CONTINUE;
    }
}
