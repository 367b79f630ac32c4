package org.stele.apps.identity.resolver;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/** One of the registry's events about an identity, with the block it was emitted in. */
public sealed interface DidEvent {
    long block();

    /** {@code DIDOwnerChanged}: the identity's owner is now {@code owner}; address 0 deactivates it. */
    record OwnerChanged(long block, Address owner) implements DidEvent {}

    /** {@code DIDDelegateChanged}: {@code delegate} is a delegate of that type until {@code validTo} (seconds). */
    record DelegateChanged(long block, Bytes32 delegateType, Address delegate,
            BigInteger validTo) implements DidEvent {}

    /** {@code DIDAttributeChanged}: the attribute is set until {@code validTo}, or revoked when it is 0. */
    record AttributeChanged(long block, Bytes32 name, Bytes value, BigInteger validTo) implements DidEvent {}
}
