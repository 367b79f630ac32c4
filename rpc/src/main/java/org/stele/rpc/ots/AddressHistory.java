package org.stele.rpc.ots;

import java.util.ArrayList;
import java.util.List;
import org.stele.common.Address;
import org.stele.execution.explorer.AddressTransaction;
import org.stele.execution.explorer.ExplorerIndex;

/**
 * One page of an address's history as Otterscan pages it: at least {@code pageSize} transactions unless the history
 * ends first, and never part of a block, so the next page can start at the block after (or before) the last one.
 */
final class AddressHistory {
    private AddressHistory() {
    }

    /**
     * @param newestFirst
     *            the page's entries, newest first
     * @param exhausted
     *            whether the history ends within this page: nothing older (searching before) or newer (after)
     */
    record Page(List<AddressTransaction> newestFirst, boolean exhausted) {}

    /** A transaction's place in the chain: block number and index within the block. */
    record Position(long blockNumber, int index) {}

    /**
     * Exactly {@code pageSize} of the address's transactions (fewer only when its history ends), newest first, from
     * the one just older than {@code after}, or from the newest when {@code after} is null. Unlike Otterscan's pages
     * this one may end inside a block: a block that holds 800 of the address's transactions does not make a page of
     * 800.
     *
     * @return the entries, and whether older ones remain
     */
    static Page exact(ExplorerIndex index, Address address, Position after, long head, int pageSize) {
        long block;
        int from;
        if (after == null) {
            block = head;
            from = -1;
        } else if (after.index() > 0) {
            block = after.blockNumber();
            from = after.index() - 1;
        } else if (after.blockNumber() > 0) {
            block = after.blockNumber() - 1;
            from = -1;
        } else {
            return new Page(List.of(), true);
        }
        List<AddressTransaction> found = new ArrayList<>();
        boolean[] more = {false};
        index.history(address, block, from, true, e -> {
            if (found.size() == pageSize) {
                more[0] = true;
                return false;
            }
            found.add(e);
            return true;
        });
        return new Page(List.copyOf(found), !more[0]);
    }

    /** The page from block {@code from} (inclusive), towards older blocks when {@code before}, else towards newer. */
    static Page page(ExplorerIndex index, Address address, long from, boolean before, int pageSize) {
        List<AddressTransaction> found = new ArrayList<>();
        boolean[] more = {false};
        index.history(address, from, before, e -> {
            if (found.size() >= pageSize && e.blockNumber() != found.get(found.size() - 1).blockNumber()) {
                more[0] = true;
                return false;
            }
            found.add(e);
            return true;
        });
        if (!before)
            java.util.Collections.reverse(found);
        return new Page(List.copyOf(found), !more[0]);
    }
}
