// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Governed} from "./SystemAddresses.sol";

/// @title The chain's parameters, effective from the block after the one that changes them, on every node.
/// @dev Storage layout: slot 0 blockGasLimit, slot 1 minGasPrice (wei), slot 2 maxTxSize (bytes),
/// slot 3 blockPeriodMillis.
contract Parameters is Governed {
    uint256 public blockGasLimit;
    uint256 public minGasPrice;
    uint256 public maxTxSize;
    uint256 public blockPeriodMillis;

    event BlockGasLimitChanged(uint256 value);
    event MinGasPriceChanged(uint256 value);
    event MaxTxSizeChanged(uint256 value);
    event BlockPeriodChanged(uint256 millis);

    /// @notice `value` is outside [min, max] for parameter `name`.
    error OutOfRange(string name, uint256 value, uint256 min, uint256 max);

    function setBlockGasLimit(uint256 value) external onlyCommittee {
        check("blockGasLimit", value, 5_000_000, 1_000_000_000);
        blockGasLimit = value;
        emit BlockGasLimitChanged(value);
    }

    function setMinGasPrice(uint256 value) external onlyCommittee {
        check("minGasPrice", value, 0, 1e15);
        minGasPrice = value;
        emit MinGasPriceChanged(value);
    }

    function setMaxTxSize(uint256 value) external onlyCommittee {
        check("maxTxSize", value, 1024, 4 * 1024 * 1024);
        maxTxSize = value;
        emit MaxTxSizeChanged(value);
    }

    function setBlockPeriod(uint256 millis) external onlyCommittee {
        check("blockPeriodMillis", millis, 100, 60_000);
        blockPeriodMillis = millis;
        emit BlockPeriodChanged(millis);
    }

    function check(string memory name, uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert OutOfRange(name, value, min, max);
    }
}
