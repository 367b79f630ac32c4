package org.stele.execution.blocktest;

import org.stele.common.Bytes;

/**
 * One block of a fixture as it is to be imported.
 *
 * @param expectException
 *            the fixture's exception names joined by {@code |} when the block must be refused, else null
 */
public record FixtureBlock(Bytes rlp, String expectException) {}
