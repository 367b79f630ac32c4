package org.stele.trie;

import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * An immutable trie node. A change builds new nodes along the path and shares everything else, so copying a trie
 * is free. Each node caches its RLP encoding and hash; {@code dirty} marks nodes not yet written to the store.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.HashRef {
    private byte[] encoded;
    private Bytes32 hash;
    /** True for nodes built in memory and not yet staged for the store. */
    boolean dirty;

    /** The node's own RLP encoding. */
    final byte[] encoded() {
        byte[] e = encoded;
        if (e == null) {
            e = encode();
            encoded = e;
        }
        return e;
    }

    final Bytes32 hash() {
        Bytes32 h = hash;
        if (h == null) {
            h = Bytes32.wrap(Keccak256.hash(encoded()));
            hash = h;
        }
        return h;
    }

    /** Whether the parent embeds this node instead of referencing it by hash. */
    final boolean isInline() {
        return encoded().length < 32;
    }

    abstract byte[] encode();

    /** Writes how a parent refers to this node: the node itself when short, else its hash. */
    final void writeReference(RlpWriter w) {
        if (this instanceof HashRef h) {
            w.writeBytes(h.target.unsafeArray());
            return;
        }
        byte[] e = encoded();
        if (e.length < 32)
            w.writeRaw(e);
        else
            w.writeBytes(hash().unsafeArray());
    }

    /** A node decoded from storage or a proof keeps the exact bytes it was read from. */
    final Node withEncoding(byte[] enc, Bytes32 knownHash) {
        encoded = enc;
        hash = knownHash;
        return this;
    }

    static final class Leaf extends Node {
        final byte[] path;
        final byte[] value;

        Leaf(byte[] path, byte[] value) {
            this.path = path;
            this.value = value;
        }

        @Override
        byte[] encode() {
            RlpWriter w = new RlpWriter(value.length + path.length / 2 + 8);
            w.startList().writeBytes(Nibbles.encodeCompact(path, true)).writeBytes(value).endList();
            return w.toByteArray();
        }
    }

    static final class Extension extends Node {
        final byte[] path;
        final Node child;

        Extension(byte[] path, Node child) {
            this.path = path;
            this.child = child;
        }

        @Override
        byte[] encode() {
            RlpWriter w = new RlpWriter(path.length / 2 + 40);
            w.startList().writeBytes(Nibbles.encodeCompact(path, false));
            child.writeReference(w);
            return w.endList().toByteArray();
        }
    }

    static final class Branch extends Node {
        final Node[] children;
        /** Null when no key ends here. */
        final byte[] value;

        Branch(Node[] children, byte[] value) {
            this.children = children;
            this.value = value;
        }

        @Override
        byte[] encode() {
            RlpWriter w = new RlpWriter(16 * 33 + 8 + (value == null ? 0 : value.length));
            w.startList();
            for (Node c : children) {
                if (c == null)
                    w.writeBytes(Nibbles.EMPTY);
                else
                    c.writeReference(w);
            }
            w.writeBytes(value == null ? Nibbles.EMPTY : value);
            return w.endList().toByteArray();
        }
    }

    /** A reference by hash to a node that has not been loaded; {@code resolved} caches it once it is. */
    static final class HashRef extends Node {
        final Bytes32 target;
        Node resolved;

        HashRef(Bytes32 target) {
            this.target = target;
        }

        @Override
        byte[] encode() {
            throw new IllegalStateException("a hash reference has no encoding of its own");
        }
    }

    /**
     * Decodes one node. Children referenced by hash become {@link HashRef}s; inline children are decoded in place
     * (they are shorter than 32 bytes, so this nests only a few levels).
     *
     * @throws TrieException
     *             when the bytes are not a valid trie node
     */
    static Node decode(byte[] enc, Bytes32 knownHash) {
        try {
            RlpReader list = RlpReader.list(enc);
            return decodeList(list).withEncoding(enc, knownHash);
        } catch (RlpException e) {
            throw new TrieException("malformed trie node: " + e.getMessage(), e);
        }
    }

    private static Node decodeList(RlpReader list) {
        byte[][] items = new byte[17][];
        boolean[] isList = new boolean[17];
        int n = 0;
        while (list.hasNext()) {
            if (n == 17)
                throw new TrieException("trie node has more than 17 items");
            boolean nested = list.nextIsList();
            isList[n] = nested;
            items[n] = nested ? list.readRaw() : list.readBytes();
            n++;
        }
        if (n == 2) {
            if (isList[0])
                throw new TrieException("trie node path must be a string");
            Nibbles.Compact path = Nibbles.decodeCompact(items[0]);
            if (path.leaf()) {
                if (isList[1])
                    throw new TrieException("leaf value must be a string");
                return new Leaf(path.nibbles(), items[1]);
            }
            if (path.nibbles().length == 0)
                throw new TrieException("extension node with an empty path");
            Node child = child(items[1], isList[1]);
            if (child == null)
                throw new TrieException("extension node without a child");
            return new Extension(path.nibbles(), child);
        }
        if (n == 17) {
            Node[] children = new Node[16];
            for (int i = 0; i < 16; i++)
                children[i] = child(items[i], isList[i]);
            if (isList[16])
                throw new TrieException("branch value must be a string");
            return new Branch(children, items[16].length == 0 ? null : items[16]);
        }
        throw new TrieException("trie node has " + n + " items; expected 2 or 17");
    }

    private static Node child(byte[] item, boolean isList) {
        if (isList) {
            if (item.length >= 32)
                throw new TrieException("inline child of " + item.length + " bytes; must be under 32");
            return decode(item, null);
        }
        if (item.length == 0)
            return null;
        if (item.length != 32)
            throw new TrieException("child reference of " + item.length + " bytes; expected 32");
        return new HashRef(Bytes32.wrap(item));
    }
}
