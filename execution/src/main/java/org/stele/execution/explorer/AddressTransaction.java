package org.stele.execution.explorer;

/**
 * One entry of an address's history: the transaction at {@code index} of block {@code blockNumber}, and the
 * {@link AddressRole} bits the address has in it.
 */
public record AddressTransaction(long blockNumber, int index, int roles) {}
