// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title What the relayer asks the node to run before it accepts a holder's next request: never deployed.
/// @notice The relayer's eth_call places this code at an unused address (a state override) and calls simulate with the
/// signer's requests still in flight (an executeBatch with a refund receiver, which skips a request already mined or
/// no longer valid, as the relayer's own batch does on chain) and then the new request's execute. The new request is
/// thus checked on the state its predecessors leave, and execute's revert comes back unchanged (docs/points.md).
contract RelaySimulator {
    /// @notice The batch of requests in flight reverted as a whole (it should not: it skips invalid requests).
    error PriorBatchFailed(bytes reason);

    /// @param forwarder the points forwarder
    /// @param priorBatch executeBatch calldata of the signer's requests in flight, or empty
    /// @param request execute calldata of the new request
    function simulate(address forwarder, bytes calldata priorBatch, bytes calldata request) external {
        if (priorBatch.length != 0) {
            (bool done, bytes memory why) = forwarder.call(priorBatch);
            if (!done) revert PriorBatchFailed(why);
        }
        (bool ok, bytes memory reason) = forwarder.call(request);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(reason, 32), mload(reason))
            }
        }
    }
}
