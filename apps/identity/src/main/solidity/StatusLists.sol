// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

interface IIdentityOwner {
    function identityOwner(address identity) external view returns (address);
}

/// @title Bitstring status lists as chain state, for every issuer of a Stele chain
/// @notice The bits behind W3C Bitstring Status List entries (docs/identity.md). Each issuer (a did:ethr identity)
/// has its own index space, handed out one index at a time by allocate, and two bitstrings over it: purpose 0
/// (revocation) and purpose 1 (suspension). The list of an index is index / LIST_SIZE, 131,072 bits (16 KB, the
/// specification's minimum) per list; bit i of a list is the most significant bit of byte i / 8 of its bitstring, as
/// the specification orders it, which is why a bit's mask is 1 << (255 - i % 256) in its 32-byte word.
/// Only the identity's current owner in the ERC-1056 registry (identityOwner) may allocate or change its bits, so an
/// issuer that rotates its key keeps its lists, and a deactivated identity can change nothing. Revocation is final.
/// Every change emits an event; every refusal is a custom error.
/// @dev Storage layout: slot 0 allocated (mapping address => uint256), slot 1 words (mapping address => mapping
/// uint8 => mapping uint256 => bytes32). No constructor: genesis places the runtime code with empty storage.
contract StatusLists {
    IIdentityOwner public constant REGISTRY = IIdentityOwner(0xdCa7EF03e98e0DC2B855bE647C39ABe984fcF21B);
    uint256 public constant LIST_SIZE = 131072;
    uint256 private constant WORDS_PER_LIST = LIST_SIZE / 256;
    uint8 public constant REVOCATION = 0;
    uint8 public constant SUSPENSION = 1;

    /// @notice How many indices each issuer has been given: its indices are 0 .. allocated - 1.
    mapping(address => uint256) public allocated;
    mapping(address => mapping(uint8 => mapping(uint256 => bytes32))) private words;

    event IndexAllocated(address indexed issuer, uint256 indexed index, address by);
    event StatusChanged(address indexed issuer, uint8 indexed purpose, uint256 indexed index, bool set, address by);

    error NotIssuer(address issuer, address caller);
    error UnknownPurpose(uint8 purpose);
    error IndexNotAllocated(address issuer, uint256 index, uint256 allocated);
    error RevocationIsFinal(address issuer, uint256 index);
    error StatusUnchanged(address issuer, uint8 purpose, uint256 index, bool set);

    modifier onlyIssuer(address issuer) {
        if (REGISTRY.identityOwner(issuer) != msg.sender) revert NotIssuer(issuer, msg.sender);
        _;
    }

    /// @notice Hands the issuer its next unused index; a credential's status entries use it.
    function allocate(address issuer) external onlyIssuer(issuer) returns (uint256 index) {
        index = allocated[issuer];
        allocated[issuer] = index + 1;
        emit IndexAllocated(issuer, index, msg.sender);
    }

    /// @notice Sets or clears the bit of an allocated index for a purpose. A revoked index stays revoked.
    function setStatus(address issuer, uint8 purpose, uint256 index, bool set) external onlyIssuer(issuer) {
        if (purpose > SUSPENSION) revert UnknownPurpose(purpose);
        if (index >= allocated[issuer]) revert IndexNotAllocated(issuer, index, allocated[issuer]);
        bytes32 mask = bytes32(uint256(1) << (255 - (index % 256)));
        bytes32 word = words[issuer][purpose][index / 256];
        bool current = (word & mask) != 0;
        if (current && !set && purpose == REVOCATION) revert RevocationIsFinal(issuer, index);
        if (current == set) revert StatusUnchanged(issuer, purpose, index, set);
        words[issuer][purpose][index / 256] = set ? word | mask : word & ~mask;
        emit StatusChanged(issuer, purpose, index, set, msg.sender);
    }

    /// @notice Whether the bit of an index is set for a purpose.
    function isSet(address issuer, uint8 purpose, uint256 index) external view returns (bool) {
        if (purpose > SUSPENSION) revert UnknownPurpose(purpose);
        return (words[issuer][purpose][index / 256] & bytes32(uint256(1) << (255 - (index % 256)))) != 0;
    }

    /// @notice The whole bitstring of one list: its 16 KB as 512 words, bit 0 the most significant bit of word 0.
    function list(address issuer, uint8 purpose, uint256 listNumber) external view returns (bytes32[512] memory bits) {
        if (purpose > SUSPENSION) revert UnknownPurpose(purpose);
        uint256 first = listNumber * WORDS_PER_LIST;
        for (uint256 i = 0; i < WORDS_PER_LIST; i++) bits[i] = words[issuer][purpose][first + i];
    }
}
