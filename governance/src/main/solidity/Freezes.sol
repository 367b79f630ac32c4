// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Governed} from "./SystemAddresses.sol";

/// @title Frozen accounts and contracts.
/// @notice A frozen account's transactions are refused by every node's pool and make a block invalid; a transaction
/// calling a frozen contract is refused the same way, and a call into it from inside another contract reverts with
/// the reason that names it. Frozen and unfrozen by proposal only.
/// @dev Storage layout: slot 0 isFrozen (mapping(address => bool)), slot 1 frozenCount. Nodes read frozenCount
/// first: while it is 0, no call needs looking up.
contract Freezes is Governed {
    mapping(address => bool) public isFrozen;
    /// @notice How many addresses are frozen now.
    uint256 public frozenCount;

    event Frozen(address indexed account, string reason);
    event Unfrozen(address indexed account);

    error AlreadyFrozen(address account);
    error NotFrozen(address account);
    /// @notice The system contracts cannot be frozen: that would stop governance itself.
    error SystemContract(address account);

    function freeze(address account, string calldata reason) external onlyCommittee {
        if (uint160(account) >= 0x1000 && uint160(account) <= 0x10ff) revert SystemContract(account);
        if (isFrozen[account]) revert AlreadyFrozen(account);
        isFrozen[account] = true;
        frozenCount += 1;
        emit Frozen(account, reason);
    }

    function unfreeze(address account) external onlyCommittee {
        if (!isFrozen[account]) revert NotFrozen(account);
        isFrozen[account] = false;
        frozenCount -= 1;
        emit Unfrozen(account);
    }
}
