// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {Governed, SystemAddresses} from "./SystemAddresses.sol";

/// @title Who may send transactions and deploy contracts, and the roles of accounts.
/// @notice Sending and deploying are each open (anyone) or allowlisted (only accounts let in). Roles are bits:
/// governor 1, operator 2, regulator 4. Each account's JSON-RPC account tokens (docs/governance.md) signed up to a
/// time can be revoked on every node at once: by the account, by an operator or by the committee.
/// @dev Storage layout: slot 0 sendMode (byte 0) and deployMode (byte 1), slot 1 canSend, slot 2 canDeploy,
/// slot 3 rolesOf, slot 4 tokensRevokedAt.
contract Accounts is Governed {
    enum Mode {
        Open,
        Allowlist
    }

    uint256 public constant GOVERNOR = 1;
    uint256 public constant OPERATOR = 2;
    uint256 public constant REGULATOR = 4;

    Mode public sendMode;
    Mode public deployMode;
    mapping(address => bool) public canSend;
    mapping(address => bool) public canDeploy;
    mapping(address => uint256) public rolesOf;
    /// @notice Nodes refuse the account tokens of an account issued at or before this Unix second (0: none revoked).
    mapping(address => uint256) public tokensRevokedAt;

    event SendModeChanged(Mode mode);
    event DeployModeChanged(Mode mode);
    event SenderAllowed(address indexed account, bool allowed);
    event DeployerAllowed(address indexed account, bool allowed);
    event RoleGranted(address indexed account, uint256 role);
    event RoleRevoked(address indexed account, uint256 role);
    event TokensRevoked(address indexed account, uint256 issuedUpTo, address by);

    /// @notice A role is one of GOVERNOR, OPERATOR, REGULATOR.
    error UnknownRole(uint256 role);
    /// @notice Only the account itself, an operator or the committee revokes an account's tokens.
    error NotAllowedToRevokeTokens(address caller, address account);

    function setSendMode(Mode mode) external onlyCommittee {
        sendMode = mode;
        emit SendModeChanged(mode);
    }

    function setDeployMode(Mode mode) external onlyCommittee {
        deployMode = mode;
        emit DeployModeChanged(mode);
    }

    function setSender(address account, bool allowed) external onlyCommittee {
        canSend[account] = allowed;
        emit SenderAllowed(account, allowed);
    }

    function setDeployer(address account, bool allowed) external onlyCommittee {
        canDeploy[account] = allowed;
        emit DeployerAllowed(account, allowed);
    }

    function grantRole(address account, uint256 role) external onlyCommittee {
        requireRole(role);
        rolesOf[account] |= role;
        emit RoleGranted(account, role);
    }

    function revokeRole(address account, uint256 role) external onlyCommittee {
        requireRole(role);
        rolesOf[account] &= ~role;
        emit RoleRevoked(account, role);
    }

    /// @notice Revokes every account token of `account` issued up to this block's time, on every node from the next
    /// call. The account revokes its own (a token leaked); an operator or the committee revokes anyone's, which costs
    /// the account no more than signing a new token.
    function revokeTokens(address account) external {
        if (msg.sender != account && msg.sender != SystemAddresses.COMMITTEE && rolesOf[msg.sender] & OPERATOR == 0)
            revert NotAllowedToRevokeTokens(msg.sender, account);
        tokensRevokedAt[account] = block.timestamp;
        emit TokensRevoked(account, block.timestamp, msg.sender);
    }

    function hasRole(address account, uint256 role) external view returns (bool) {
        return rolesOf[account] & role == role;
    }

    /// @notice Whether `account` may send a transaction now (and deploy, when `deploying`).
    function mayTransact(address account, bool deploying) external view returns (bool) {
        if (sendMode == Mode.Allowlist && !canSend[account]) return false;
        return !deploying || deployMode == Mode.Open || canDeploy[account];
    }

    function requireRole(uint256 role) private pure {
        if (role != GOVERNOR && role != OPERATOR && role != REGULATOR) revert UnknownRole(role);
    }
}
