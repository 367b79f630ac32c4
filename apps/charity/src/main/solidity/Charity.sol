// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title Stele charity: organisations, campaigns, donations, disbursements with evidence, delivery receipts, refunds.
/// @notice The events are the public record: a donor's money is traced from them, first-in first-out, to the
/// disbursements it paid for and to the beneficiaries' confirmations (docs/charity.md). Amounts are in the campaign's
/// currency: the native coin when its token is the zero address, that ERC-20 otherwise.
contract Charity is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// Registers organisations. The deployer holds it and DEFAULT_ADMIN_ROLE, and can grant it to others.
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    struct Organisation {
        address admin;
        string name;
    }

    struct Campaign {
        uint256 organisation;
        address token;
        uint256 goal;
        uint64 deadline;
        uint256 raised;
        uint256 disbursed;
        uint256 refunded;
        uint256 donations;
        string title;
    }

    struct Disbursement {
        uint256 campaign;
        address beneficiary;
        uint256 amount;
        bytes32 evidenceHash;
        bool confirmed;
    }

    uint256 public organisationCount;
    uint256 public campaignCount;
    uint256 public disbursementCount;
    mapping(uint256 id => Organisation) private organisations;
    mapping(uint256 id => Campaign) private campaigns;
    mapping(uint256 id => Disbursement) private disbursements;
    mapping(uint256 campaign => mapping(address beneficiary => string name)) private beneficiaryNames;
    mapping(uint256 campaign => mapping(address donor => uint256 amount)) public contributed;

    event OrganisationRegistered(uint256 indexed organisation, address indexed admin, string name);
    event CampaignCreated(
        uint256 indexed campaign,
        uint256 indexed organisation,
        address token,
        uint256 goal,
        uint64 deadline,
        string title
    );
    event BeneficiaryAdded(uint256 indexed campaign, address indexed beneficiary, string name);
    event Donated(uint256 indexed campaign, address indexed donor, uint256 donation, uint256 amount);
    event Disbursed(
        uint256 indexed campaign,
        address indexed beneficiary,
        uint256 disbursement,
        uint256 amount,
        bytes32 evidenceHash,
        string evidenceUri
    );
    event DeliveryConfirmed(uint256 indexed campaign, address indexed beneficiary, uint256 disbursement);
    event Refunded(uint256 indexed campaign, address indexed donor, uint256 amount);

    error EmptyName();
    error ZeroAddress();
    error UnknownOrganisation(uint256 organisation);
    error NotOrganisationAdmin(uint256 organisation, address caller);
    error GoalIsZero();
    error DeadlineNotInFuture(uint64 deadline, uint256 now_);
    error NoBeneficiaries();
    error BeneficiaryNamesMismatch(uint256 beneficiaries, uint256 names);
    error DuplicateBeneficiary(address beneficiary);
    error UnknownCampaign(uint256 campaign);
    error CampaignClosed(uint256 campaign, uint64 deadline);
    error ZeroAmount();
    error WrongCurrency(uint256 campaign, address token);
    error GoalNotReached(uint256 campaign, uint256 raised, uint256 goal);
    error NotABeneficiary(uint256 campaign, address account);
    error InsufficientFunds(uint256 campaign, uint256 available, uint256 requested);
    error NoEvidence();
    error UnknownDisbursement(uint256 disbursement);
    error NotTheBeneficiary(uint256 disbursement, address caller);
    error AlreadyConfirmed(uint256 disbursement);
    error CampaignNotFailed(uint256 campaign);
    error NothingToRefund(uint256 campaign, address donor);
    error NativeTransferFailed(address to, uint256 amount);

    constructor() {
        _grantRole(DEFAULT_ADMIN_ROLE, msg.sender);
        _grantRole(OPERATOR_ROLE, msg.sender);
    }

    /// An operator registers an organisation, whose admin then runs its campaigns. Ids start at 1.
    function registerOrganisation(address admin, string calldata name)
        external
        onlyRole(OPERATOR_ROLE)
        returns (uint256 id)
    {
        if (admin == address(0)) revert ZeroAddress();
        if (bytes(name).length == 0) revert EmptyName();
        id = ++organisationCount;
        organisations[id] = Organisation(admin, name);
        emit OrganisationRegistered(id, admin, name);
    }

    /// The organisation's admin opens a campaign: donations until the deadline (a block timestamp, exclusive), in
    /// `token` (the zero address for the native coin), to be disbursed to the named beneficiaries once the goal is
    /// reached, or refunded if the deadline passes first.
    function createCampaign(
        uint256 organisation,
        string calldata title,
        address token,
        uint256 goal,
        uint64 deadline,
        address[] calldata beneficiaries,
        string[] calldata names
    ) external returns (uint256 id) {
        if (beneficiaries.length == 0) revert NoBeneficiaries();
        if (beneficiaries.length != names.length) revert BeneficiaryNamesMismatch(beneficiaries.length, names.length);
        id = openCampaign(organisation, title, token, goal, deadline);
        for (uint256 i = 0; i < beneficiaries.length; i++) {
            addBeneficiary(id, beneficiaries[i], names[i]);
        }
    }

    /// Gives the native coin to a campaign whose currency is the native coin.
    function donate(uint256 campaign) external payable nonReentrant {
        Campaign storage c = open(campaign);
        if (c.token != address(0)) revert WrongCurrency(campaign, address(0));
        record(campaign, c, msg.value);
    }

    /// Gives `amount` of the campaign's ERC-20 (approved to this contract beforehand).
    function donateToken(uint256 campaign, uint256 amount) external nonReentrant {
        Campaign storage c = open(campaign);
        if (c.token == address(0)) revert WrongCurrency(campaign, address(0));
        IERC20 token = IERC20(c.token);
        // Counted by what arrived, so a token that takes a fee on transfer cannot make the books promise more.
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        record(campaign, c, token.balanceOf(address(this)) - before);
    }

    /// The organisation's admin pays `amount` to a named beneficiary of a campaign that reached its goal, with the
    /// hash of a document that shows what the money is for and where to read it.
    function disburse(
        uint256 campaign,
        address beneficiary,
        uint256 amount,
        bytes32 evidenceHash,
        string calldata evidenceUri
    ) external nonReentrant returns (uint256 id) {
        Campaign storage c = known(campaign);
        if (organisations[c.organisation].admin != msg.sender) {
            revert NotOrganisationAdmin(c.organisation, msg.sender);
        }
        if (c.raised < c.goal) revert GoalNotReached(campaign, c.raised, c.goal);
        if (bytes(beneficiaryNames[campaign][beneficiary]).length == 0) revert NotABeneficiary(campaign, beneficiary);
        if (amount == 0) revert ZeroAmount();
        uint256 available = c.raised - c.disbursed;
        if (amount > available) revert InsufficientFunds(campaign, available, amount);
        if (evidenceHash == bytes32(0) || bytes(evidenceUri).length == 0) revert NoEvidence();
        c.disbursed += amount;
        id = ++disbursementCount;
        disbursements[id] = Disbursement(campaign, beneficiary, amount, evidenceHash, false);
        emit Disbursed(campaign, beneficiary, id, amount, evidenceHash, evidenceUri);
        pay(c.token, beneficiary, amount);
    }

    /// The beneficiary confirms on chain that the disbursement arrived: the delivery receipt.
    function confirmDelivery(uint256 disbursement) external {
        Disbursement storage d = disbursements[disbursement];
        if (d.beneficiary == address(0)) revert UnknownDisbursement(disbursement);
        if (d.beneficiary != msg.sender) revert NotTheBeneficiary(disbursement, msg.sender);
        if (d.confirmed) revert AlreadyConfirmed(disbursement);
        d.confirmed = true;
        emit DeliveryConfirmed(d.campaign, msg.sender, disbursement);
    }

    /// After the deadline of a campaign that missed its goal, a donor takes back all they gave to it.
    function refund(uint256 campaign) external nonReentrant {
        Campaign storage c = known(campaign);
        if (block.timestamp < c.deadline || c.raised >= c.goal) revert CampaignNotFailed(campaign);
        uint256 amount = contributed[campaign][msg.sender];
        if (amount == 0) revert NothingToRefund(campaign, msg.sender);
        contributed[campaign][msg.sender] = 0;
        c.refunded += amount;
        emit Refunded(campaign, msg.sender, amount);
        pay(c.token, msg.sender, amount);
    }

    function getOrganisation(uint256 id) external view returns (address admin, string memory name) {
        Organisation storage o = organisations[id];
        if (o.admin == address(0)) revert UnknownOrganisation(id);
        return (o.admin, o.name);
    }

    function getCampaign(uint256 id) external view returns (Campaign memory) {
        return known(id);
    }

    function getDisbursement(uint256 id) external view returns (Disbursement memory) {
        Disbursement storage d = disbursements[id];
        if (d.beneficiary == address(0)) revert UnknownDisbursement(id);
        return d;
    }

    function beneficiaryName(uint256 campaign, address beneficiary) external view returns (string memory) {
        return beneficiaryNames[campaign][beneficiary];
    }

    function openCampaign(uint256 organisation, string calldata title, address token, uint256 goal, uint64 deadline)
        private
        returns (uint256 id)
    {
        address admin = organisations[organisation].admin;
        if (admin == address(0)) revert UnknownOrganisation(organisation);
        if (admin != msg.sender) revert NotOrganisationAdmin(organisation, msg.sender);
        if (bytes(title).length == 0) revert EmptyName();
        if (goal == 0) revert GoalIsZero();
        if (deadline <= block.timestamp) revert DeadlineNotInFuture(deadline, block.timestamp);
        id = ++campaignCount;
        Campaign storage c = campaigns[id];
        c.organisation = organisation;
        c.token = token;
        c.goal = goal;
        c.deadline = deadline;
        c.title = title;
        emit CampaignCreated(id, organisation, token, goal, deadline, title);
    }

    function addBeneficiary(uint256 id, address beneficiary, string calldata name) private {
        if (beneficiary == address(0)) revert ZeroAddress();
        if (bytes(name).length == 0) revert EmptyName();
        if (bytes(beneficiaryNames[id][beneficiary]).length != 0) revert DuplicateBeneficiary(beneficiary);
        beneficiaryNames[id][beneficiary] = name;
        emit BeneficiaryAdded(id, beneficiary, name);
    }

    function known(uint256 id) private view returns (Campaign storage c) {
        c = campaigns[id];
        if (c.goal == 0) revert UnknownCampaign(id);
    }

    function open(uint256 id) private view returns (Campaign storage c) {
        c = known(id);
        if (block.timestamp >= c.deadline) revert CampaignClosed(id, c.deadline);
    }

    function record(uint256 id, Campaign storage c, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        c.raised += amount;
        uint256 donation = ++c.donations;
        contributed[id][msg.sender] += amount;
        emit Donated(id, msg.sender, donation, amount);
    }

    function pay(address token, address to, uint256 amount) private {
        if (token == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert NativeTransferFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }
}
