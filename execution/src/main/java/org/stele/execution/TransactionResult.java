package org.stele.execution;

import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.evm.Log;
import org.stele.evm.Status;
import org.stele.evm.state.ChangeSet;

/** What became of a transaction: rejected before it touched the state, or executed (successfully or not). */
public sealed interface TransactionResult {

    /** The transaction is not valid in this block; the state is unchanged. */
    record Invalid(InvalidTransaction reason, String message) implements TransactionResult {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The transaction was included. A failed or reverted call still pays for its gas, so {@code changes} is never
     * empty of the fee movements.
     *
     * @param gasUsed
     *            gas charged after the refund (what goes in the receipt's cumulative gas)
     * @param blobGasUsed
     *            EIP-4844 blob gas, 0 for other transactions
     * @param logs
     *            empty unless {@code status} is success
     * @param createdAddress
     *            the new contract for a successful creation, else null
     */
    record Executed(Status status, long gasUsed, long blobGasUsed, List<Log> logs, Bytes output,
            Address createdAddress, ChangeSet changes) implements TransactionResult {
        public Executed {
            logs = List.copyOf(logs);
        }

        public boolean isSuccess() {
            return status.isSuccess();
        }
    }
}
