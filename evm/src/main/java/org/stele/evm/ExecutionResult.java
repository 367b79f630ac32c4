package org.stele.evm;

import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * The outcome of {@link Evm#execute}. {@code gasLeft} is what the transaction gets back before refunds;
 * {@code refund} is the raw refund counter (the processor applies the EIP-3529 cap). {@code logs} is empty unless
 * the status is success; {@code createdAddress} is set for a successful creation only.
 */
public record ExecutionResult(Status status, long gasLeft, long refund, Bytes output, List<Log> logs,
        Address createdAddress) {
    public ExecutionResult {
        logs = List.copyOf(logs);
    }

    public boolean isSuccess() {
        return status == Status.SUCCESS;
    }
}
