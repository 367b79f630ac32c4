package org.stele.execution.statetest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stele.common.Address;

/**
 * One named test of a fixture file.
 *
 * @param post
 *            expected outcomes per fork name as the fixture spells it ({@code Cancun}, {@code ConstantinopleFix})
 */
public record StateTestCase(String name, Path file, SortedMap<Address, FixtureAccount> pre, FixtureEnv env,
        FixtureTransaction transaction, Map<String, List<FixturePost>> post) {
    public StateTestCase {
        pre = new TreeMap<>(pre);
        post = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(post));
    }
}
