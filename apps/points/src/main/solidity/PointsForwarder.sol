// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {ERC2771Forwarder} from "@openzeppelin/contracts/metatx/ERC2771Forwarder.sol";

/// @title The points application's trusted forwarder: OpenZeppelin's ERC-2771 forwarder, unchanged.
/// @notice A holder signs a ForwardRequest (EIP-712, domain name "PointsForwarder", version "1"); the operator's relayer
/// submits it and pays the gas, and PointsToken sees the holder as the sender. It is declared here only so that
/// tools/solc compiles it next to the token (docs/points.md).
contract PointsForwarder is ERC2771Forwarder {
    constructor() ERC2771Forwarder("PointsForwarder") {}
}
