package org.stele.apps.notary;

/**
 * The checks a notary proof passes, in the order the Java and the page's verifiers run them; the first that fails is
 * reported under {@link #id()}.
 */
public enum NotaryCheck {
    DOCUMENT_HASH("document-hash", "the file hashes to the proof's document hash"), MERKLE_PATH("merkle-path",
            "the document hash leads to the anchored root"), ANCHOR_PROOF("anchor-proof",
                    "the anchoring transaction is in a sealed block of the chain"), ANCHOR_EVENT("anchor-event",
                            "that transaction's receipt records the root in the notary contract"), SIGNATURE_PROOFS(
                                    "signature-proofs",
                                    "each signing transaction is in a sealed block of the same chain"), SIGNATURE_EVENTS(
                                            "signature-events",
                                            "each of their receipts records a named party's signature of the document");

    private final String id;
    private final String meaning;

    NotaryCheck(String id, String meaning) {
        this.id = id;
        this.meaning = meaning;
    }

    public String id() {
        return id;
    }

    public String meaning() {
        return meaning;
    }

    /** A notary proof that does not show what it claims: the first check it fails, and why. */
    public static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final NotaryCheck check;
        private final String detail;

        public Failed(NotaryCheck check, String detail) {
            super(check.id() + ": " + detail);
            this.check = check;
            this.detail = detail;
        }

        public NotaryCheck check() {
            return check;
        }

        public String detail() {
            return detail;
        }
    }
}
