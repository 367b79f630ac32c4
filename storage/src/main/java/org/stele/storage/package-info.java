/**
 * Durable key-value storage: the {@link org.stele.storage.KeyValueStore} contract with named segments (column
 * families), atomic {@link org.stele.storage.WriteBatch}es and consistent {@link org.stele.storage.Snapshot}s, and
 * its two implementations, in memory for tests and dev chains and RocksDB for nodes. Everything above (trie, chain
 * store, consensus log) writes through here so that a block lands in one atomic batch.
 */
package org.stele.storage;
