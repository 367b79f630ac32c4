package org.stele.apps.notary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A document's state as its events tell it: who must sign, who has, and whether it is still open, complete, revoked or
 * superseded. Folded from the contract's events alone, as every reader (CLI, pages) does.
 */
public record DocumentStatus(String document, String creator, int threshold, List<String> parties,
        List<NotaryEvent.Signed> signatures, State state, Optional<String> supersededBy, Optional<String> revokedFor,
        List<NotaryEvent> history) {

    public enum State {
        PENDING, COMPLETE, REVOKED, SUPERSEDED
    }

    public DocumentStatus {
        parties = List.copyOf(parties);
        signatures = List.copyOf(signatures);
        history = List.copyOf(history);
    }

    public List<String> awaited() {
        Set<String> awaited = new LinkedHashSet<>(parties);
        signatures.forEach(s -> awaited.remove(s.signer()));
        return List.copyOf(awaited);
    }

    /** The status of {@code document} from the contract's events in chain order; empty when it was never created. */
    public static Optional<DocumentStatus> of(String document, List<NotaryEvent> events) {
        String doc = document.toLowerCase(java.util.Locale.ROOT);
        NotaryEvent.DocumentCreated created = null;
        List<NotaryEvent.Signed> signed = new ArrayList<>();
        List<NotaryEvent> history = new ArrayList<>();
        State state = State.PENDING;
        Optional<String> supersededBy = Optional.empty();
        Optional<String> revoked = Optional.empty();
        for (NotaryEvent e : events) {
            switch (e) {
                case NotaryEvent.DocumentCreated c when c.document().equals(doc) -> {
                    created = c;
                    history.add(e);
                }
                case NotaryEvent.Signed s when s.document().equals(doc) -> {
                    signed.add(s);
                    history.add(e);
                }
                case NotaryEvent.Completed c when c.document().equals(doc) -> {
                    state = State.COMPLETE;
                    history.add(e);
                }
                case NotaryEvent.Revoked r when r.document().equals(doc) -> {
                    state = State.REVOKED;
                    revoked = Optional.of(r.reason());
                    history.add(e);
                }
                case NotaryEvent.Superseded s when s.document().equals(doc) -> {
                    state = State.SUPERSEDED;
                    supersededBy = Optional.of(s.newVersion());
                    history.add(e);
                }
                default -> {
                }
            }
        }
        if (created == null) return Optional.empty();
        return Optional.of(new DocumentStatus(doc, created.creator(), created.threshold(), created.parties(), signed,
                state, supersededBy, revoked, history));
    }
}
