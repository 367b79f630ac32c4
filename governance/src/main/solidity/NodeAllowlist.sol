// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {MemberList} from "./MemberList.sol";

/// @title The node keys (as addresses) that may connect to the network's nodes.
/// @notice P2P admission reads it at the head; a node removed from it is disconnected.
contract NodeAllowlist is MemberList {
    event NodeAdmitted(address indexed node);
    event NodeRemoved(address indexed node);

    function getNodes() external view returns (address[] memory) {
        return members;
    }

    function isAllowed(address node) external view returns (bool) {
        return _contains(node);
    }

    function admitNode(address node) external onlyCommittee {
        _add(node);
        emit NodeAdmitted(node);
    }

    function removeNode(address node) external onlyCommittee {
        _remove(node);
        emit NodeRemoved(node);
    }
}
