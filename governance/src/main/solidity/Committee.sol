// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {SystemAddresses} from "./SystemAddresses.sol";

/// @title The governance committee: weighted governors deciding proposals, as FISCO BCOS 3's committee does.
/// @notice A proposal is a call to one of the system contracts. It is executed by the vote that makes the weight
/// taking part reach the participation threshold (percent of the total weight) while the yes-weight reaches the win
/// threshold (percent of the weight taking part). A proposal not executed within `votingPeriod` blocks of its creation
/// expires. Governors, weights, thresholds and the voting period change only by proposals to this contract.
/// @dev Storage layout (seeded by genesis, read by nodes; see docs/governance.md): slot 0 participationThreshold,
/// slot 1 winThreshold, slot 2 votingPeriod, slot 3 governors (address[]), slot 4 weightOf, slot 5 proposalCount,
/// slot 6 proposals, slot 7 votes.
contract Committee {
    enum Status {
        None,
        Open,
        Executed
    }

    enum Vote {
        None,
        Yes,
        No
    }

    struct Proposal {
        address proposer;
        uint64 createdAt;
        uint64 deadline;
        Status status;
        address target;
        uint128 yesWeight;
        uint128 noWeight;
        bytes data;
        string description;
    }

    uint256 public participationThreshold;
    uint256 public winThreshold;
    uint256 public votingPeriod;
    address[] private governorList;
    mapping(address => uint256) public weightOf;
    uint256 public proposalCount;
    mapping(uint256 => Proposal) private proposals;
    mapping(uint256 => mapping(address => Vote)) public voteOf;

    event ProposalCreated(uint256 indexed id, address indexed proposer, address indexed target, bytes data,
        uint256 deadline, string description);
    event Voted(uint256 indexed id, address indexed governor, bool support, uint256 weight);
    event ProposalExecuted(uint256 indexed id, address indexed target);
    event GovernorAdded(address indexed governor, uint256 weight);
    event GovernorRemoved(address indexed governor);
    event WeightChanged(address indexed governor, uint256 weight);
    event ThresholdsChanged(uint256 participationThreshold, uint256 winThreshold);
    event VotingPeriodChanged(uint256 blocks);

    /// @notice The caller holds no weight in the committee.
    error NotGovernor(address caller);
    /// @notice Only an executed proposal of this committee may call this function.
    error OnlyByProposal(address caller);
    error UnknownProposal(uint256 id);
    /// @notice The proposal was executed already.
    error ProposalNotOpen(uint256 id);
    /// @notice The proposal's voting period ended at block `deadline`.
    error ProposalExpired(uint256 id, uint256 deadline);
    error AlreadyVoted(uint256 id, address governor);
    /// @notice Proposals may call the system contracts and the trust registry only.
    error UnknownTarget(address target);
    /// @notice The proposal passed but its call reverted with `reason`; it stays open until it expires.
    error ExecutionFailed(uint256 id, bytes reason);
    /// @notice A threshold is a percentage: 1 to 100.
    error InvalidThreshold(uint256 participationThreshold, uint256 winThreshold);
    error InvalidVotingPeriod(uint256 blocks);
    error ZeroWeight(address governor);
    error AlreadyGovernor(address governor);
    error UnknownGovernor(address governor);
    /// @notice The committee would be left without governors.
    error LastGovernor(address governor);

    modifier onlyGovernor() {
        if (weightOf[msg.sender] == 0) revert NotGovernor(msg.sender);
        _;
    }

    modifier onlySelf() {
        if (msg.sender != address(this)) revert OnlyByProposal(msg.sender);
        _;
    }

    /// @notice Proposes that the committee call `target` with `data`; returns the proposal's id (from 1).
    function propose(address target, bytes calldata data, string calldata description)
        external
        onlyGovernor
        returns (uint256 id)
    {
        if (!isSystemContract(target)) revert UnknownTarget(target);
        id = ++proposalCount;
        uint64 deadline = uint64(block.number + votingPeriod);
        Proposal storage p = proposals[id];
        p.proposer = msg.sender;
        p.createdAt = uint64(block.number);
        p.deadline = deadline;
        p.status = Status.Open;
        p.target = target;
        p.data = data;
        p.description = description;
        emit ProposalCreated(id, msg.sender, target, data, deadline, description);
    }

    /// @notice Casts the caller's whole weight for or against proposal `id`, and executes it when this vote makes it
    /// pass. Returns whether the proposal was executed by this vote.
    function vote(uint256 id, bool support) external onlyGovernor returns (bool executed) {
        Proposal storage p = proposals[id];
        if (p.status == Status.None) revert UnknownProposal(id);
        if (p.status != Status.Open) revert ProposalNotOpen(id);
        if (block.number > p.deadline) revert ProposalExpired(id, p.deadline);
        if (voteOf[id][msg.sender] != Vote.None) revert AlreadyVoted(id, msg.sender);
        uint256 weight = weightOf[msg.sender];
        voteOf[id][msg.sender] = support ? Vote.Yes : Vote.No;
        if (support) p.yesWeight += uint128(weight);
        else p.noWeight += uint128(weight);
        emit Voted(id, msg.sender, support, weight);
        if (passes(p.yesWeight, p.noWeight)) {
            p.status = Status.Executed;
            (bool ok, bytes memory reason) = p.target.call(p.data);
            if (!ok) revert ExecutionFailed(id, reason);
            emit ProposalExecuted(id, p.target);
            return true;
        }
        return false;
    }

    /// @notice Whether votes of these weights pass under the current thresholds and total weight.
    function passes(uint256 yesWeight, uint256 noWeight) public view returns (bool) {
        uint256 taking = yesWeight + noWeight;
        return taking * 100 >= participationThreshold * totalWeight() && yesWeight * 100 >= winThreshold * taking
            && taking > 0;
    }

    function getProposal(uint256 id) external view returns (Proposal memory) {
        if (proposals[id].status == Status.None) revert UnknownProposal(id);
        return proposals[id];
    }

    /// @notice Open (not executed) and not past its deadline.
    function isVotable(uint256 id) external view returns (bool) {
        Proposal storage p = proposals[id];
        return p.status == Status.Open && block.number <= p.deadline;
    }

    function getGovernors() external view returns (address[] memory) {
        return governorList;
    }

    function totalWeight() public view returns (uint256 total) {
        for (uint256 i = 0; i < governorList.length; i++) total += weightOf[governorList[i]];
    }

    function addGovernor(address governor, uint256 weight) external onlySelf {
        if (weight == 0) revert ZeroWeight(governor);
        if (weightOf[governor] != 0) revert AlreadyGovernor(governor);
        governorList.push(governor);
        weightOf[governor] = weight;
        emit GovernorAdded(governor, weight);
    }

    function removeGovernor(address governor) external onlySelf {
        if (weightOf[governor] == 0) revert UnknownGovernor(governor);
        if (governorList.length == 1) revert LastGovernor(governor);
        for (uint256 i = 0; i < governorList.length; i++) {
            if (governorList[i] == governor) {
                governorList[i] = governorList[governorList.length - 1];
                governorList.pop();
                break;
            }
        }
        delete weightOf[governor];
        emit GovernorRemoved(governor);
    }

    function setWeight(address governor, uint256 weight) external onlySelf {
        if (weightOf[governor] == 0) revert UnknownGovernor(governor);
        if (weight == 0) revert ZeroWeight(governor);
        weightOf[governor] = weight;
        emit WeightChanged(governor, weight);
    }

    function setThresholds(uint256 participation, uint256 win) external onlySelf {
        if (participation == 0 || participation > 100 || win == 0 || win > 100) {
            revert InvalidThreshold(participation, win);
        }
        participationThreshold = participation;
        winThreshold = win;
        emit ThresholdsChanged(participation, win);
    }

    function setVotingPeriod(uint256 blocks) external onlySelf {
        if (blocks == 0 || blocks > type(uint32).max) revert InvalidVotingPeriod(blocks);
        votingPeriod = blocks;
        emit VotingPeriodChanged(blocks);
    }

    /// @notice Whether a proposal may call `target`: the six governance contracts and the identity trust registry
    /// (0x…5101), whose issuers the committee admits by proposal as its operators do by role.
    function isSystemContract(address target) public pure returns (bool) {
        return target == SystemAddresses.COMMITTEE || target == SystemAddresses.VALIDATORS
            || target == SystemAddresses.NODE_ALLOWLIST || target == SystemAddresses.ACCOUNTS
            || target == SystemAddresses.FREEZES || target == SystemAddresses.PARAMETERS
            || target == SystemAddresses.TRUST_REGISTRY;
    }
}
