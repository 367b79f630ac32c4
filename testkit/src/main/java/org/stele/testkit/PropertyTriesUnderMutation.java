package org.stele.testkit;

import java.util.Optional;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Under mutation testing only, caps the tries of every jqwik property at {@code stele.mutation.tries} and turns
 * shrinking off. PIT runs each property once per mutant it covers, so a property's tries multiply its cost by the
 * number of mutants, while a mutant is noticed by the first failing try and needs no shrunk example. The parent pom
 * passes the property to PIT's test JVMs alone; {@code mvn test} never sets it, so there every property keeps the
 * tries and shrinking its annotation asks for. Registered for every property through
 * {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook}.
 */
public final class PropertyTriesUnderMutation implements AroundPropertyHook {
    /** The system property PIT's test JVMs get (parent pom, {@code stele.mutation.tries}). */
    public static final String TRIES = "stele.mutation.tries";

    /** Registered once for the whole engine, it must reach every property below it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        cap().ifPresent(cap -> {
            PropertyAttributes attributes = context.attributes();
            int tries = attributes.tries().orElse(Integer.MAX_VALUE);
            attributes.setTries(Math.min(tries, cap));
            attributes.setShrinking(ShrinkingMode.OFF);
        });
        return property.execute();
    }

    /** The cap, when one is set: a positive whole number, else nothing (so an empty value means "no cap"). */
    static Optional<Integer> cap() {
        String value = System.getProperty(TRIES, "").strip();
        if (value.isEmpty()) return Optional.empty();
        int tries = Integer.parseInt(value);
        if (tries < 1) throw new IllegalArgumentException(TRIES + " must be at least 1, was " + value);
        return Optional.of(tries);
    }
}
