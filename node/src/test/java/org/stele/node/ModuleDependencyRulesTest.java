package org.stele.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map of DESIGN.md, enforced: a module's code may use only the modules to its left in the arrows.
 * Maven already stops undeclared dependencies; this also stops use of modules that are only transitively on the
 * classpath, and runs on every build.
 */
class ModuleDependencyRulesTest {
    /** Each module and the Stele modules it may use (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("common", Set.of()),
            Map.entry("storage", Set.of("common")),
            Map.entry("trie", Set.of("common", "storage")),
            Map.entry("chain", Set.of("common")),
            Map.entry("evm", Set.of("common")),
            Map.entry("state", Set.of("common", "storage", "trie", "evm")),
            Map.entry("execution", Set.of("common", "storage", "trie", "evm", "chain", "state")),
            Map.entry("consensus", Set.of("common", "chain")),
            Map.entry("p2p", Set.of("common")),
            Map.entry("txpool", Set.of("common", "storage", "trie", "evm", "chain", "state", "execution")),
            Map.entry("rpc", Set.of("common", "storage", "trie", "evm", "chain", "state", "execution", "txpool")),
            Map.entry("testkit",
                    Set.of("common", "storage", "trie", "evm", "chain", "state", "execution", "consensus")),
            Map.entry("bench", Set.of("common", "storage", "trie", "evm", "chain", "state", "execution", "consensus",
                    "txpool", "rpc", "testkit")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.stele");
    }

    @Test
    void everyModuleUsesOnlyTheModulesToItsLeft() {
        for (var entry : ALLOWED.entrySet()) {
            Set<String> forbidden = new TreeSet<>(ALLOWED.keySet());
            forbidden.add("node");
            forbidden.remove(entry.getKey());
            forbidden.removeAll(entry.getValue());
            String[] packages = forbidden.stream().map(m -> "org.stele." + m + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.stele." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages)
                    .because("DESIGN.md: " + entry.getKey() + " may use only " + entry.getValue())
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void nothingDependsOnTheNodeModule() {
        List<String> others = ALLOWED.keySet().stream().map(m -> "org.stele." + m + "..").toList();
        noClasses().that().resideInAnyPackage(others.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("org.stele.node..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
