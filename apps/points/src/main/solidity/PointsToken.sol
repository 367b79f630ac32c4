// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";

/// @title Stele points: a loyalty currency that issuers give out, holders spend, and merchants redeem.
/// @notice Whole points (no decimals). Issuers mint up to the cap the admin gave each of them; a holder redeems points
/// at a merchant (an account with REDEEMER_ROLE), which burns them; a pauser stops every movement. Holders need no
/// native coin: they sign ERC-2771 requests that the operator's relayer submits through the trusted forwarder, or an
/// EIP-2612 permit that a merchant presents. Every change is an event and every refusal a custom error (docs/points.md).
contract PointsToken is ERC20, ERC20Pausable, ERC20Permit, AccessControl, ERC2771Context {
    /// Mints points, within its cap.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");
    /// A merchant: points are redeemed (burnt) at it.
    bytes32 public constant REDEEMER_ROLE = keccak256("REDEEMER_ROLE");
    /// Pauses and resumes every transfer, issue and redemption.
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// How many points each issuer may mint in all, and how many it has.
    mapping(address issuer => uint256 cap) public issuerCap;
    mapping(address issuer => uint256 issued) public issuedBy;
    uint256 public totalIssued;
    uint256 public totalRedeemed;

    event IssuerCapSet(address indexed issuer, uint256 cap);
    // `ref` where the brief says reference: `reference` is a reserved word in Solidity.
    event Issued(address indexed issuer, address indexed holder, uint256 amount, string ref);
    event Redeemed(address indexed merchant, address indexed holder, uint256 amount, string ref);

    error ZeroAddress();
    error ZeroAmount();
    error IssuerCapExceeded(address issuer, uint256 cap, uint256 issued, uint256 amount);
    error CapBelowIssued(address issuer, uint256 cap, uint256 issued);
    error NotAMerchant(address account);

    /// The deployer holds every role; `forwarder` is the one ERC-2771 forwarder whose requests are trusted.
    constructor(string memory name_, string memory symbol_, address forwarder)
        ERC20(name_, symbol_)
        ERC20Permit(name_)
        ERC2771Context(forwarder)
    {
        if (forwarder == address(0)) revert ZeroAddress();
        address admin = _msgSender();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ISSUER_ROLE, admin);
        _grantRole(REDEEMER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    /// Points are whole.
    function decimals() public pure override returns (uint8) {
        return 0;
    }

    /// The admin sets how many points `issuer` may mint in all; not below what it has already minted.
    function setIssuerCap(address issuer, uint256 cap) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (issuer == address(0)) revert ZeroAddress();
        if (cap < issuedBy[issuer]) revert CapBelowIssued(issuer, cap, issuedBy[issuer]);
        issuerCap[issuer] = cap;
        emit IssuerCapSet(issuer, cap);
    }

    /// An issuer gives `amount` new points to `holder`, for `ref` (why: "adoption #12").
    function issue(address holder, uint256 amount, string calldata ref) external onlyRole(ISSUER_ROLE) {
        if (amount == 0) revert ZeroAmount();
        address issuer = _msgSender();
        uint256 cap = issuerCap[issuer];
        uint256 already = issuedBy[issuer];
        if (already + amount > cap) revert IssuerCapExceeded(issuer, cap, already, amount);
        issuedBy[issuer] = already + amount;
        totalIssued += amount;
        _mint(holder, amount);
        emit Issued(issuer, holder, amount, ref);
    }

    /// The holder (the sender, or the signer of a forwarded request) spends `amount` points at `merchant`: burnt.
    function redeem(address merchant, uint256 amount, string calldata ref) external {
        _redeem(merchant, _msgSender(), amount, ref);
    }

    /// A merchant redeems a holder's points that the holder allowed it to take (approve or an EIP-2612 permit).
    function redeemFrom(address holder, uint256 amount, string calldata ref) external {
        address merchant = _msgSender();
        if (amount != 0) _spendAllowance(holder, merchant, amount);
        _redeem(merchant, holder, amount, ref);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _redeem(address merchant, address holder, uint256 amount, string calldata ref) private {
        if (amount == 0) revert ZeroAmount();
        if (!hasRole(REDEEMER_ROLE, merchant)) revert NotAMerchant(merchant);
        totalRedeemed += amount;
        _burn(holder, amount);
        emit Redeemed(merchant, holder, amount, ref);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Pausable) {
        super._update(from, to, value);
    }

    function _msgSender() internal view override(Context, ERC2771Context) returns (address) {
        return ERC2771Context._msgSender();
    }

    function _msgData() internal view override(Context, ERC2771Context) returns (bytes calldata) {
        return ERC2771Context._msgData();
    }

    function _contextSuffixLength() internal view override(Context, ERC2771Context) returns (uint256) {
        return ERC2771Context._contextSuffixLength();
    }
}
