// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title Stele notary: anchors document hashes, alone or as the Merkle root of a batch, and collects k-of-n EIP-712
/// signatures from named parties on a document, which its creator can revoke or supersede by a newer version.
/// @notice Only hashes are ever sent here; documents stay with their owners. The events are the public record: status
/// and history are read from them (docs/notary.md). The state kept here is what the rules need to refuse a call.
contract Notary is EIP712 {
    /// The EIP-712 type a party signs: the document's hash, under this contract's domain ("Stele Notary", "1").
    bytes32 public constant SIGNATURE_TYPEHASH = keccak256("Signature(bytes32 document)");
    /// More parties than this would make a document too costly to create and to read back.
    uint256 public constant MAX_PARTIES = 64;

    enum Status {
        None,
        Pending,
        Complete,
        Revoked,
        Superseded
    }

    struct Stamp {
        address by;
        uint64 blockNumber;
    }

    struct Document {
        address creator;
        uint8 threshold;
        uint8 signatures;
        Status status;
    }

    enum Party {
        None,
        Awaited,
        Signed
    }

    mapping(bytes32 hash => Stamp) private stamps;
    mapping(bytes32 document => Document) private documents;
    mapping(bytes32 document => mapping(address party => Party)) private parties;

    /// A document's hash anchored by itself.
    event Stamped(bytes32 indexed hash, address indexed by);
    /// The Merkle root of `size` hashes anchored in one transaction (the tree's rule: docs/notary.md).
    event BatchStamped(bytes32 indexed root, address indexed by, uint256 size);
    /// A document that needs `threshold` signatures from `parties`; creating it anchors its hash.
    event DocumentCreated(bytes32 indexed document, address indexed creator, uint8 threshold, address[] parties);
    /// `signer` signed; `relayer` sent the transaction (the signer itself, or anyone holding its EIP-712 signature).
    event Signed(bytes32 indexed document, address indexed signer, address relayer);
    /// The signature that reached the threshold.
    event Completed(bytes32 indexed document, uint8 signatures);
    event Revoked(bytes32 indexed document, address indexed by, string reason);
    event Superseded(bytes32 indexed document, bytes32 indexed newVersion);

    error ZeroHash();
    error AlreadyStamped(bytes32 hash, address by, uint64 blockNumber);
    error EmptyBatch();
    error DocumentExists(bytes32 document);
    error UnknownDocument(bytes32 document);
    error NoParties();
    error TooManyParties(uint256 count, uint256 max);
    error ZeroAddress();
    error DuplicateParty(address party);
    error BadThreshold(uint256 threshold, uint256 parties);
    error NotAParty(bytes32 document, address account);
    error AlreadySigned(bytes32 document, address signer);
    error InvalidSignature(bytes32 document, address signer);
    error NotCreator(bytes32 document, address account);
    error DocumentClosed(bytes32 document, Status status);

    constructor() EIP712("Stele Notary", "1") {}

    /// Anchors one hash.
    function stamp(bytes32 hash) external {
        _stamp(hash);
        emit Stamped(hash, msg.sender);
    }

    /// Anchors the Merkle root of a batch of `size` hashes.
    function stampBatch(bytes32 root, uint256 size) external {
        if (size == 0) revert EmptyBatch();
        _stamp(root);
        emit BatchStamped(root, msg.sender, size);
    }

    /// Who anchored `hash` and in which block; the zero address and 0 when nobody did.
    function stampOf(bytes32 hash) external view returns (address by, uint64 blockNumber) {
        Stamp storage s = stamps[hash];
        return (s.by, s.blockNumber);
    }

    /// Creates a document that needs `threshold` of `signers`' signatures.
    function createDocument(bytes32 document, address[] calldata signers, uint8 threshold) external {
        _create(document, signers, threshold);
    }

    /// Signs as the sender.
    function sign(bytes32 document) external {
        _sign(document, msg.sender);
    }

    /// Submits `signer`'s EIP-712 signature of Signature(document); anyone may relay it.
    function signFor(bytes32 document, address signer, bytes calldata signature) external {
        _checkOpen(document);
        (address recovered, ECDSA.RecoverError failure, ) = ECDSA.tryRecover(
            _hashTypedDataV4(keccak256(abi.encode(SIGNATURE_TYPEHASH, document))),
            signature
        );
        if (failure != ECDSA.RecoverError.NoError || recovered != signer || signer == address(0)) {
            revert InvalidSignature(document, signer);
        }
        _sign(document, signer);
    }

    /// Withdraws a document (its creator only); nobody can sign it any more.
    function revoke(bytes32 document, string calldata reason) external {
        _checkCreator(document);
        documents[document].status = Status.Revoked;
        emit Revoked(document, msg.sender, reason);
    }

    /// Replaces a document by a newer version with its own parties and threshold (the old one's creator only).
    function supersede(bytes32 document, bytes32 newVersion, address[] calldata signers, uint8 threshold) external {
        _checkCreator(document);
        _create(newVersion, signers, threshold);
        documents[document].status = Status.Superseded;
        emit Superseded(document, newVersion);
    }

    /// The EIP-712 digest a party signs for `document` (what eth_signTypedData_v4 signs).
    function signatureDigest(bytes32 document) external view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(SIGNATURE_TYPEHASH, document)));
    }

    function documentOf(bytes32 document)
        external
        view
        returns (address creator, uint8 threshold, uint8 signatures, Status status)
    {
        Document storage d = documents[document];
        return (d.creator, d.threshold, d.signatures, d.status);
    }

    function hasSigned(bytes32 document, address party) external view returns (bool) {
        return parties[document][party] == Party.Signed;
    }

    function _stamp(bytes32 hash) private {
        if (hash == bytes32(0)) revert ZeroHash();
        Stamp storage s = stamps[hash];
        if (s.by != address(0)) revert AlreadyStamped(hash, s.by, s.blockNumber);
        stamps[hash] = Stamp(msg.sender, uint64(block.number));
    }

    function _create(bytes32 document, address[] calldata signers, uint8 threshold) private {
        if (document == bytes32(0)) revert ZeroHash();
        if (documents[document].status != Status.None) revert DocumentExists(document);
        if (signers.length == 0) revert NoParties();
        if (signers.length > MAX_PARTIES) revert TooManyParties(signers.length, MAX_PARTIES);
        if (threshold == 0 || threshold > signers.length) revert BadThreshold(threshold, signers.length);
        mapping(address => Party) storage ps = parties[document];
        for (uint256 i = 0; i < signers.length; i++) {
            address p = signers[i];
            if (p == address(0)) revert ZeroAddress();
            if (ps[p] != Party.None) revert DuplicateParty(p);
            ps[p] = Party.Awaited;
        }
        documents[document] = Document(msg.sender, threshold, 0, Status.Pending);
        emit DocumentCreated(document, msg.sender, threshold, signers);
    }

    function _checkOpen(bytes32 document) private view {
        Status s = documents[document].status;
        if (s == Status.None) revert UnknownDocument(document);
        if (s == Status.Revoked || s == Status.Superseded) revert DocumentClosed(document, s);
    }

    function _checkCreator(bytes32 document) private view {
        _checkOpen(document);
        if (documents[document].creator != msg.sender) revert NotCreator(document, msg.sender);
    }

    function _sign(bytes32 document, address signer) private {
        _checkOpen(document);
        Party p = parties[document][signer];
        if (p == Party.None) revert NotAParty(document, signer);
        if (p == Party.Signed) revert AlreadySigned(document, signer);
        parties[document][signer] = Party.Signed;
        Document storage d = documents[document];
        d.signatures += 1;
        emit Signed(document, signer, msg.sender);
        if (d.signatures == d.threshold) {
            d.status = Status.Complete;
            emit Completed(document, d.signatures);
        }
    }
}
