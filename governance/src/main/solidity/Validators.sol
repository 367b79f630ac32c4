// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {MemberList} from "./MemberList.sol";

/// @title The QBFT validator set, as Besu's validator-contract mode reads it (`getValidators()`).
/// @notice Changed only by executed proposals; nodes take the set after block h-1 as the validators of block h.
contract Validators is MemberList {
    event ValidatorAdded(address indexed validator);
    event ValidatorRemoved(address indexed validator);

    function getValidators() external view returns (address[] memory) {
        return members;
    }

    function isValidator(address account) external view returns (bool) {
        return _contains(account);
    }

    function addValidator(address validator) external onlyCommittee {
        _add(validator);
        emit ValidatorAdded(validator);
    }

    function removeValidator(address validator) external onlyCommittee {
        _remove(validator);
        emit ValidatorRemoved(validator);
    }
}
