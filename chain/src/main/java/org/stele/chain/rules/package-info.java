/**
 * The rules a block must keep to be accepted, per chain profile: the header against its parent and the body against
 * its header. Each broken rule is a {@link org.stele.chain.rules.BlockRule}, so that callers and tests compare
 * reasons as values; execution-dependent rules (gas used, roots after execution) are named here too, and checked by
 * the importer that executes the block.
 */
package org.stele.chain.rules;
