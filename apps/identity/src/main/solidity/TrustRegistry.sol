// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

interface IAccountRoles {
    function hasRole(address account, uint256 role) external view returns (bool);
}

/// @title Which issuers a Stele chain trusts for which credential types
/// @notice A trust registry in the manner of WeIdentity's authority issuers and templates (docs/identity.md): each
/// credential type has a credentialSchema (its id, a URL, and the SHA-256 of its content), and each issuer (a did:ethr
/// identity's address) is admitted for a type and later perhaps removed. Admission is kept as periods of block time,
/// so a verifier asks whether an issuer was trusted when a credential was issued (trustedAt with its nbf), not only
/// now. The authority is the governance Committee (0x…1000) acting by proposal, and accounts holding the operator
/// role in the governance Accounts contract (0x…1003), which only the committee grants.
/// Every change emits an event; every refusal is a custom error.
/// @dev Storage layout: slot 0 schemas (mapping bytes32 => Schema), slot 1 periods (mapping address => mapping
/// bytes32 => Period[]). No constructor: genesis places the runtime code with empty storage.
contract TrustRegistry {
    address public constant COMMITTEE = 0x0000000000000000000000000000000000001000;
    IAccountRoles public constant ACCOUNTS = IAccountRoles(0x0000000000000000000000000000000000001003);
    uint256 public constant OPERATOR = 2;

    struct Schema {
        string id;
        bytes32 contentHash;
    }

    /// @notice A span of block time during which an issuer was admitted; until 0 means it still is.
    struct Period {
        uint64 from;
        uint64 until;
    }

    mapping(bytes32 => Schema) private schemas;
    mapping(address => mapping(bytes32 => Period[])) private periods;

    event SchemaSet(bytes32 indexed typeHash, string credentialType, string schemaId, bytes32 contentHash, address by);
    event IssuerAdmitted(address indexed issuer, bytes32 indexed typeHash, string credentialType, address by);
    event IssuerRemoved(address indexed issuer, bytes32 indexed typeHash, string credentialType, address by);

    error NotAuthority(address caller);
    error EmptyCredentialType();
    error NoSchema(string credentialType);
    error AlreadyAdmitted(address issuer, string credentialType);
    error NotAdmitted(address issuer, string credentialType);

    modifier onlyAuthority() {
        if (msg.sender != COMMITTEE && !ACCOUNTS.hasRole(msg.sender, OPERATOR)) revert NotAuthority(msg.sender);
        _;
    }

    /// @notice Sets the credentialSchema of a credential type (a new version replaces the old one).
    function setSchema(string calldata credentialType, string calldata schemaId, bytes32 contentHash)
        external
        onlyAuthority
    {
        if (bytes(credentialType).length == 0) revert EmptyCredentialType();
        bytes32 typeHash = keccak256(bytes(credentialType));
        schemas[typeHash] = Schema(schemaId, contentHash);
        emit SchemaSet(typeHash, credentialType, schemaId, contentHash, msg.sender);
    }

    /// @notice Admits an issuer for a credential type that has a schema, from this block on.
    function admit(address issuer, string calldata credentialType) external onlyAuthority {
        bytes32 typeHash = keccak256(bytes(credentialType));
        if (bytes(schemas[typeHash].id).length == 0) revert NoSchema(credentialType);
        Period[] storage p = periods[issuer][typeHash];
        if (p.length > 0 && p[p.length - 1].until == 0) revert AlreadyAdmitted(issuer, credentialType);
        p.push(Period(uint64(block.timestamp), 0));
        emit IssuerAdmitted(issuer, typeHash, credentialType, msg.sender);
    }

    /// @notice Ends an issuer's admission for a type from this block on; credentials it issued before stay trusted.
    function remove(address issuer, string calldata credentialType) external onlyAuthority {
        bytes32 typeHash = keccak256(bytes(credentialType));
        Period[] storage p = periods[issuer][typeHash];
        if (p.length == 0 || p[p.length - 1].until != 0) revert NotAdmitted(issuer, credentialType);
        p[p.length - 1].until = uint64(block.timestamp);
        emit IssuerRemoved(issuer, typeHash, credentialType, msg.sender);
    }

    /// @notice The credentialSchema of a type: its id (empty when none) and content hash.
    function schemaOf(string calldata credentialType) external view returns (string memory id, bytes32 contentHash) {
        Schema storage s = schemas[keccak256(bytes(credentialType))];
        return (s.id, s.contentHash);
    }

    /// @notice Whether the issuer was admitted for the type at block time `time` (from <= time < until).
    function trustedAt(address issuer, string calldata credentialType, uint256 time) external view returns (bool) {
        Period[] storage p = periods[issuer][keccak256(bytes(credentialType))];
        for (uint256 i = p.length; i > 0; i--) {
            Period storage q = p[i - 1];
            if (q.from <= time && (q.until == 0 || time < q.until)) return true;
        }
        return false;
    }

    /// @notice Every admission period of the issuer for the type, oldest first.
    function periodsOf(address issuer, string calldata credentialType) external view returns (Period[] memory) {
        return periods[issuer][keccak256(bytes(credentialType))];
    }
}
