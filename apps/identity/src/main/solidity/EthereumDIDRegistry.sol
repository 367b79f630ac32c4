// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title ERC-1056 identity registry, as every Stele chain holds it in genesis
/// @notice The registry that did:ethr resolves against, written from the ERC-1056 specification and placed at the
/// address it has on public networks (0xdca7ef03e98e0dc2b855be647c39abe984fcf21b), so that ethr-did-resolver, ethr-did
/// and did-jwt-vc work unchanged. Its ABI and events are the deployed registry's. It differs from the deployed registry
/// in two ways, both documented in docs/identity.md:
/// - A deactivated identity (owner changed to address 0) stays deactivated: identityOwner answers address 0 for it
///   from then on, where the deployed registry answers the identity itself again, handing the DID back to its
///   original key. Every change of a deactivated identity is refused.
/// - One nonce rule for every signed call: the hash signs nonce[identityOwner(identity)], and that nonce goes up by
///   one on each accepted signed call. A signature that recovers to address 0 is refused.
/// Refusals are custom errors, not strings.
contract EthereumDIDRegistry {
    mapping(address => address) public owners;
    mapping(address => mapping(bytes32 => mapping(address => uint256))) public delegates;
    mapping(address => uint256) public changed;
    mapping(address => uint256) public nonce;
    /// @notice Identities whose owner was changed to address 0: they never come back.
    mapping(address => bool) public deactivated;

    event DIDOwnerChanged(address indexed identity, address owner, uint256 previousChange);
    event DIDDelegateChanged(
        address indexed identity, bytes32 delegateType, address delegate, uint256 validTo, uint256 previousChange
    );
    event DIDAttributeChanged(
        address indexed identity, bytes32 name, bytes value, uint256 validTo, uint256 previousChange
    );

    /// @notice The caller (or the signer of a signed call) is not the identity's owner.
    error NotIdentityOwner(address identity, address actor);
    /// @notice The identity was deactivated; nothing about it can change any more.
    error IdentityDeactivated(address identity);
    /// @notice The signature does not recover to any address.
    error InvalidSignature(address identity);

    /// @notice The identity's owner: itself until changed, address 0 once deactivated.
    function identityOwner(address identity) public view returns (address) {
        if (deactivated[identity]) return address(0);
        address owner = owners[identity];
        return owner != address(0) ? owner : identity;
    }

    function validDelegate(address identity, bytes32 delegateType, address delegate) public view returns (bool) {
        return delegates[identity][keccak256(abi.encode(delegateType))][delegate] > block.timestamp;
    }

    function changeOwner(address identity, address newOwner) public {
        _changeOwner(identity, msg.sender, newOwner);
    }

    function changeOwnerSigned(address identity, uint8 sigV, bytes32 sigR, bytes32 sigS, address newOwner) public {
        bytes32 hash = keccak256(
            abi.encodePacked(bytes1(0x19), bytes1(0), this, nonce[identityOwner(identity)], identity, "changeOwner", newOwner)
        );
        _changeOwner(identity, _signer(identity, sigV, sigR, sigS, hash), newOwner);
    }

    function addDelegate(address identity, bytes32 delegateType, address delegate, uint256 validity) public {
        _addDelegate(identity, msg.sender, delegateType, delegate, validity);
    }

    function addDelegateSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 delegateType,
        address delegate,
        uint256 validity
    ) public {
        bytes32 hash = keccak256(
            abi.encodePacked(
                bytes1(0x19),
                bytes1(0),
                this,
                nonce[identityOwner(identity)],
                identity,
                "addDelegate",
                delegateType,
                delegate,
                validity
            )
        );
        _addDelegate(identity, _signer(identity, sigV, sigR, sigS, hash), delegateType, delegate, validity);
    }

    function revokeDelegate(address identity, bytes32 delegateType, address delegate) public {
        _revokeDelegate(identity, msg.sender, delegateType, delegate);
    }

    function revokeDelegateSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 delegateType,
        address delegate
    ) public {
        bytes32 hash = keccak256(
            abi.encodePacked(
                bytes1(0x19),
                bytes1(0),
                this,
                nonce[identityOwner(identity)],
                identity,
                "revokeDelegate",
                delegateType,
                delegate
            )
        );
        _revokeDelegate(identity, _signer(identity, sigV, sigR, sigS, hash), delegateType, delegate);
    }

    function setAttribute(address identity, bytes32 name, bytes memory value, uint256 validity) public {
        _setAttribute(identity, msg.sender, name, value, validity);
    }

    function setAttributeSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 name,
        bytes memory value,
        uint256 validity
    ) public {
        bytes32 hash = keccak256(
            abi.encodePacked(
                bytes1(0x19),
                bytes1(0),
                this,
                nonce[identityOwner(identity)],
                identity,
                "setAttribute",
                name,
                value,
                validity
            )
        );
        _setAttribute(identity, _signer(identity, sigV, sigR, sigS, hash), name, value, validity);
    }

    function revokeAttribute(address identity, bytes32 name, bytes memory value) public {
        _revokeAttribute(identity, msg.sender, name, value);
    }

    function revokeAttributeSigned(
        address identity,
        uint8 sigV,
        bytes32 sigR,
        bytes32 sigS,
        bytes32 name,
        bytes memory value
    ) public {
        bytes32 hash = keccak256(
            abi.encodePacked(
                bytes1(0x19), bytes1(0), this, nonce[identityOwner(identity)], identity, "revokeAttribute", name, value
            )
        );
        _revokeAttribute(identity, _signer(identity, sigV, sigR, sigS, hash), name, value);
    }

    /// @dev Recovers the signer and spends the owner's nonce. Whether the signer is the owner is onlyOwner's to say.
    function _signer(address identity, uint8 sigV, bytes32 sigR, bytes32 sigS, bytes32 hash)
        internal
        returns (address signer)
    {
        signer = ecrecover(hash, sigV, sigR, sigS);
        if (signer == address(0)) revert InvalidSignature(identity);
        nonce[signer]++;
    }

    /// @dev block.timestamp + validity, saturated: "valid for ever" (type(uint256).max) must not overflow and revert.
    function _validTo(uint256 validity) internal view returns (uint256) {
        unchecked {
            uint256 validTo = block.timestamp + validity;
            return validTo < validity ? type(uint256).max : validTo;
        }
    }

    modifier onlyOwner(address identity, address actor) {
        if (deactivated[identity]) revert IdentityDeactivated(identity);
        if (actor != identityOwner(identity)) revert NotIdentityOwner(identity, actor);
        _;
    }

    function _changeOwner(address identity, address actor, address newOwner) internal onlyOwner(identity, actor) {
        owners[identity] = newOwner;
        if (newOwner == address(0)) deactivated[identity] = true;
        emit DIDOwnerChanged(identity, newOwner, changed[identity]);
        changed[identity] = block.number;
    }

    function _addDelegate(address identity, address actor, bytes32 delegateType, address delegate, uint256 validity)
        internal
        onlyOwner(identity, actor)
    {
        uint256 validTo = _validTo(validity);
        delegates[identity][keccak256(abi.encode(delegateType))][delegate] = validTo;
        emit DIDDelegateChanged(identity, delegateType, delegate, validTo, changed[identity]);
        changed[identity] = block.number;
    }

    function _revokeDelegate(address identity, address actor, bytes32 delegateType, address delegate)
        internal
        onlyOwner(identity, actor)
    {
        delegates[identity][keccak256(abi.encode(delegateType))][delegate] = block.timestamp;
        emit DIDDelegateChanged(identity, delegateType, delegate, block.timestamp, changed[identity]);
        changed[identity] = block.number;
    }

    function _setAttribute(address identity, address actor, bytes32 name, bytes memory value, uint256 validity)
        internal
        onlyOwner(identity, actor)
    {
        emit DIDAttributeChanged(identity, name, value, _validTo(validity), changed[identity]);
        changed[identity] = block.number;
    }

    function _revokeAttribute(address identity, address actor, bytes32 name, bytes memory value)
        internal
        onlyOwner(identity, actor)
    {
        emit DIDAttributeChanged(identity, name, value, 0, changed[identity]);
        changed[identity] = block.number;
    }
}
