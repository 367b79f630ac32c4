package org.stele.storage;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
    @Override
    KeyValueStore createStore() {
        return new InMemoryKeyValueStore();
    }
}
