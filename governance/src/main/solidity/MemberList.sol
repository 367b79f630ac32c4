// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Governed} from "./SystemAddresses.sol";

/// @notice An ordered set of addresses changed by the committee: the validators, the admitted nodes.
/// @dev Storage layout: slot 0 the members (address[], in the order added; a removal moves the last one into the gap),
/// slot 1 positionOf (index + 1, 0 for a non-member).
abstract contract MemberList is Governed {
    address[] internal members;
    mapping(address => uint256) internal positionOf;

    error AlreadyMember(address member);
    error NotMember(address member);
    /// @notice The list may not become empty.
    error LastMember(address member);
    error ZeroAddress();

    function _add(address member) internal {
        if (member == address(0)) revert ZeroAddress();
        if (positionOf[member] != 0) revert AlreadyMember(member);
        members.push(member);
        positionOf[member] = members.length;
    }

    function _remove(address member) internal {
        uint256 position = positionOf[member];
        if (position == 0) revert NotMember(member);
        if (members.length == 1) revert LastMember(member);
        address last = members[members.length - 1];
        members[position - 1] = last;
        positionOf[last] = position;
        members.pop();
        delete positionOf[member];
    }

    function _contains(address member) internal view returns (bool) {
        return positionOf[member] != 0;
    }
}
