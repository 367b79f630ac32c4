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
