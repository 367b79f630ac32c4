// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title The fixed addresses of Stele's governance contracts (docs/governance.md).
/// @notice Genesis places each contract's runtime code and initial storage at its address; no constructor runs.
library SystemAddresses {
    address internal constant COMMITTEE = 0x0000000000000000000000000000000000001000;
    address internal constant VALIDATORS = 0x0000000000000000000000000000000000001001;
    address internal constant NODE_ALLOWLIST = 0x0000000000000000000000000000000000001002;
    address internal constant ACCOUNTS = 0x0000000000000000000000000000000000001003;
    address internal constant FREEZES = 0x0000000000000000000000000000000000001004;
    address internal constant PARAMETERS = 0x0000000000000000000000000000000000001005;
    /// @notice The identity application's trust registry (docs/identity.md), which the committee admits issuers to.
    address internal constant TRUST_REGISTRY = 0x0000000000000000000000000000000000005101;
}

/// @notice Base of every contract the committee governs: its changes come only from executed proposals.
abstract contract Governed {
    /// @notice The caller is not the committee: only an executed proposal changes this contract.
    error NotCommittee(address caller);

    modifier onlyCommittee() {
        if (msg.sender != SystemAddresses.COMMITTEE) revert NotCommittee(msg.sender);
        _;
    }
}
