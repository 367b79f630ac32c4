package org.stele.trie;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;
import org.stele.storage.WriteBatch;
import org.stele.trie.Node.Branch;
import org.stele.trie.Node.Extension;
import org.stele.trie.Node.HashRef;
import org.stele.trie.Node.Leaf;

/**
 * Ethereum's hexary Merkle Patricia Trie over a {@link NodeStore}. Nodes are loaded from the store when a path
 * first reaches them and cached; changes create new immutable nodes that stay in memory until {@link #commit}. Not
 * safe for concurrent mutation; {@link #copy()} gives each thread its own trie cheaply.
 */
public final class MerklePatriciaTrie implements Trie {
    /**
     * Longest key accepted. Updates recurse once per nibble of the path, so the bound keeps the Java stack safe;
     * Ethereum's tries use keys of at most 32 bytes.
     */
    public static final int MAX_KEY_BYTES = 1024;

    private final NodeStore store;
    /** Null for the empty trie. */
    private Node root;

    private MerklePatriciaTrie(NodeStore store, Node root) {
        this.store = Objects.requireNonNull(store, "store");
        this.root = root;
    }

    /** An empty trie whose nodes will be committed to {@code store}. */
    public static MerklePatriciaTrie empty(NodeStore store) {
        return new MerklePatriciaTrie(store, null);
    }

    /** An empty trie over a private in-memory store, for computing roots (transactions, receipts). */
    public static MerklePatriciaTrie inMemory() {
        return empty(NodeStore.inMemory());
    }

    /**
     * The trie with root {@code rootHash}, as committed to {@code store} earlier.
     *
     * @throws TrieException
     *             when the store does not hold that root
     */
    public static MerklePatriciaTrie load(NodeStore store, Bytes32 rootHash) {
        if (rootHash.equals(EMPTY_ROOT))
            return empty(store);
        HashRef ref = new HashRef(rootHash);
        MerklePatriciaTrie trie = new MerklePatriciaTrie(store, ref);
        trie.resolve(ref);
        return trie;
    }

    /**
     * The root of the trie Ethereum builds over a block's ordered items (transactions, receipts, withdrawals): key
     * {@code rlp(i)}, value the i-th encoding. Fits {@code org.stele.chain.RootCalculator} as a method reference.
     */
    public static Bytes32 orderedRoot(List<byte[]> items) {
        MerklePatriciaTrie trie = inMemory();
        for (int i = 0; i < items.size(); i++)
            trie.put(Bytes.wrap(new RlpWriter(8).writeLong(i).toByteArray()), Bytes.wrap(items.get(i)));
        return trie.rootHash();
    }

    public NodeStore store() {
        return store;
    }

    @Override
    public Optional<Bytes> get(Bytes key) {
        checkKey(key);
        byte[] path = Nibbles.fromBytes(key.unsafeArray());
        Node n = root;
        int pos = 0;
        while (n != null) {
            switch (n) {
                case HashRef h -> {
                    n = resolve(h);
                    continue;
                }
                case Leaf l -> {
                    return pos + l.path.length == path.length && Nibbles.matchesAt(path, pos, l.path)
                            ? Optional.of(Bytes.wrap(l.value))
                            : Optional.empty();
                }
                case Extension e -> {
                    if (!Nibbles.matchesAt(path, pos, e.path))
                        return Optional.empty();
                    pos += e.path.length;
                    n = e.child;
                }
                case Branch b -> {
                    if (pos == path.length)
                        return b.value == null ? Optional.empty() : Optional.of(Bytes.wrap(b.value));
                    n = b.children[path[pos++]];
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void put(Bytes key, Bytes value) {
        checkKey(key);
        if (value.isEmpty()) {
            delete(key);
            return;
        }
        root = insert(root, Nibbles.fromBytes(key.unsafeArray()), 0, value.toArray());
    }

    @Override
    public void delete(Bytes key) {
        checkKey(key);
        root = remove(root, Nibbles.fromBytes(key.unsafeArray()), 0);
    }

    @Override
    public Bytes32 rootHash() {
        if (root == null)
            return EMPTY_ROOT;
        if (root instanceof HashRef h)
            return h.target;
        return root.hash();
    }

    @Override
    public Bytes32 commit(WriteBatch batch) {
        stage(root, batch, true);
        return rootHash();
    }

    @Override
    public Bytes32 commit() {
        WriteBatch batch = new WriteBatch();
        Bytes32 result = commit(batch);
        if (!batch.isEmpty())
            store.write(batch);
        return result;
    }

    @Override
    public List<Bytes> proof(Bytes key) {
        checkKey(key);
        byte[] path = Nibbles.fromBytes(key.unsafeArray());
        List<Bytes> out = new ArrayList<>();
        Node n = root;
        int pos = 0;
        boolean first = true;
        while (n != null) {
            if (n instanceof HashRef h)
                n = resolve(h);
            if (first || !n.isInline())
                out.add(Bytes.wrap(n.encoded()));
            first = false;
            switch (n) {
                case Leaf l -> n = null;
                case Extension e -> {
                    if (Nibbles.matchesAt(path, pos, e.path)) {
                        pos += e.path.length;
                        n = e.child;
                    } else {
                        n = null;
                    }
                }
                case Branch b -> n = pos == path.length ? null : b.children[path[pos++]];
                case HashRef h -> throw new IllegalStateException("resolved above");
            }
        }
        return out;
    }

    @Override
    public MerklePatriciaTrie copy() {
        return new MerklePatriciaTrie(store, root);
    }

    @Override
    public void forEach(EntryVisitor visitor) {
        visit(root, new byte[0], visitor);
    }

    private boolean visit(Node n, byte[] prefix, EntryVisitor visitor) {
        if (n == null)
            return true;
        return switch (n) {
            case HashRef h -> visit(resolve(h), prefix, visitor);
            case Leaf l -> emit(Nibbles.concat(prefix, l.path), l.value, visitor);
            case Extension e -> visit(e.child, Nibbles.concat(prefix, e.path), visitor);
            case Branch b -> {
                if (b.value != null && !emit(prefix, b.value, visitor))
                    yield false;
                for (int i = 0; i < 16; i++) {
                    if (b.children[i] != null && !visit(b.children[i], Nibbles.concat(prefix, new byte[]{(byte) i}),
                            visitor))
                        yield false;
                }
                yield true;
            }
        };
    }

    private static boolean emit(byte[] nibbles, byte[] value, EntryVisitor visitor) {
        if ((nibbles.length & 1) != 0)
            throw new TrieException("trie holds a value at an odd-length path; keys must be whole bytes");
        return visitor.visit(Bytes.wrap(Nibbles.toBytes(nibbles, nibbles.length)), Bytes.wrap(value));
    }

    private static void checkKey(Bytes key) {
        if (key.size() > MAX_KEY_BYTES)
            throw new IllegalArgumentException("trie key of " + key.size() + " bytes; limit is " + MAX_KEY_BYTES);
    }

    private Node resolve(HashRef ref) {
        Node r = ref.resolved;
        if (r == null) {
            Bytes enc = store.load(ref.target)
                    .orElseThrow(() -> new TrieException("missing trie node " + ref.target + " in segment "
                            + store.segment()));
            r = Node.decode(enc.unsafeArray(), ref.target);
            ref.resolved = r;
        }
        return r;
    }

    private static <N extends Node> N fresh(N node) {
        node.dirty = true;
        return node;
    }

    private Node insert(Node n, byte[] path, int pos, byte[] value) {
        if (n == null)
            return fresh(new Leaf(Nibbles.slice(path, pos, path.length), value));
        return switch (n) {
            case HashRef h -> insert(resolve(h), path, pos, value);
            case Leaf l -> {
                int c = Nibbles.commonPrefix(l.path, 0, path, pos);
                int rest = path.length - pos;
                if (c == l.path.length && c == rest)
                    yield fresh(new Leaf(l.path, value));
                Node[] children = new Node[16];
                byte[] branchValue = null;
                if (c == l.path.length)
                    branchValue = l.value;
                else
                    children[l.path[c]] = fresh(new Leaf(Nibbles.slice(l.path, c + 1, l.path.length), l.value));
                if (c == rest)
                    branchValue = value;
                else
                    children[path[pos + c]] = fresh(new Leaf(Nibbles.slice(path, pos + c + 1, path.length), value));
                Node branch = fresh(new Branch(children, branchValue));
                yield c == 0 ? branch : fresh(new Extension(Nibbles.slice(path, pos, pos + c), branch));
            }
            case Extension e -> {
                int c = Nibbles.commonPrefix(e.path, 0, path, pos);
                if (c == e.path.length)
                    yield fresh(new Extension(e.path, insert(e.child, path, pos + c, value)));
                Node[] children = new Node[16];
                byte[] branchValue = null;
                children[e.path[c]] = c + 1 == e.path.length
                        ? e.child
                        : fresh(new Extension(Nibbles.slice(e.path, c + 1, e.path.length), e.child));
                if (pos + c == path.length)
                    branchValue = value;
                else
                    children[path[pos + c]] = fresh(new Leaf(Nibbles.slice(path, pos + c + 1, path.length), value));
                Node branch = fresh(new Branch(children, branchValue));
                yield c == 0 ? branch : fresh(new Extension(Nibbles.slice(e.path, 0, c), branch));
            }
            case Branch b -> {
                if (pos == path.length)
                    yield fresh(new Branch(b.children, value));
                Node[] children = b.children.clone();
                int i = path[pos];
                children[i] = insert(children[i], path, pos + 1, value);
                yield fresh(new Branch(children, b.value));
            }
        };
    }

    private Node remove(Node n, byte[] path, int pos) {
        if (n == null)
            return null;
        return switch (n) {
            case HashRef h -> {
                Node resolved = resolve(h);
                Node after = remove(resolved, path, pos);
                yield after == resolved ? h : after;
            }
            case Leaf l -> pos + l.path.length == path.length && Nibbles.matchesAt(path, pos, l.path) ? null : l;
            case Extension e -> {
                if (!Nibbles.matchesAt(path, pos, e.path))
                    yield e;
                Node child = remove(e.child, path, pos + e.path.length);
                if (child == e.child)
                    yield e;
                yield prependPath(e.path, child);
            }
            case Branch b -> {
                Node[] children;
                byte[] value = b.value;
                if (pos == path.length) {
                    if (value == null)
                        yield b;
                    children = b.children;
                    value = null;
                } else {
                    int i = path[pos];
                    Node child = remove(b.children[i], path, pos + 1);
                    if (child == b.children[i])
                        yield b;
                    children = b.children.clone();
                    children[i] = child;
                }
                yield normalizeBranch(children, value);
            }
        };
    }

    /** A branch left with one child or only a value is no longer a branch in canonical form. */
    private Node normalizeBranch(Node[] children, byte[] value) {
        int count = 0;
        int only = -1;
        for (int i = 0; i < 16; i++) {
            if (children[i] != null) {
                count++;
                only = i;
            }
        }
        if (count == 0)
            return value == null ? null : fresh(new Leaf(Nibbles.EMPTY, value));
        if (count == 1 && value == null)
            return prependPath(new byte[]{(byte) only}, children[only]);
        return fresh(new Branch(children, value));
    }

    /** The node reached through {@code prefix} then {@code child}, merging paths so no extension leads to a leaf. */
    private Node prependPath(byte[] prefix, Node child) {
        if (child == null)
            return null;
        if (child instanceof HashRef h)
            child = resolve(h);
        return switch (child) {
            case Leaf l -> fresh(new Leaf(Nibbles.concat(prefix, l.path), l.value));
            case Extension e -> fresh(new Extension(Nibbles.concat(prefix, e.path), e.child));
            case Branch b -> fresh(new Extension(prefix, b));
            case HashRef h -> throw new IllegalStateException("resolved above");
        };
    }

    private void stage(Node n, WriteBatch batch, boolean isRoot) {
        if (n == null || !n.dirty)
            return;
        switch (n) {
            case Extension e -> stage(e.child, batch, false);
            case Branch b -> {
                for (Node c : b.children)
                    stage(c, batch, false);
            }
            case Leaf l -> {
            }
            case HashRef h -> {
            }
        }
        if (isRoot || !n.isInline())
            store.stage(batch, n.hash(), n.encoded());
        n.dirty = false;
    }
}
