package org.stele.node;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module map, enforced: a module's code may use only the modules {@link #ALLOWED} lists for it. Maven already
 * stops undeclared dependencies; this also stops use of modules that are only transitively on the classpath, and
 * runs on every build. The README's module table says the same, and names the same modules as the build.
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
            Map.entry("proof", Set.of("common", "storage", "trie", "chain", "consensus")),
            Map.entry("p2p", Set.of("common")),
            Map.entry("txpool", Set.of("common", "storage", "trie", "evm", "chain", "state", "execution")),
            Map.entry("governance", Set.of("common", "storage", "trie", "evm", "chain", "state", "execution")),
            Map.entry("rpc",
                    Set.of("common", "storage", "trie", "evm", "chain", "state", "execution", "txpool", "proof")),
            Map.entry("testkit", Set.of("common", "storage", "trie", "evm", "chain", "state")),
            Map.entry("simulation", Set.of("common", "chain", "consensus")),
            Map.entry("testchain",
                    Set.of("common", "storage", "trie", "evm", "chain", "state", "execution", "testkit")),
            Map.entry("web", Set.of()),
            Map.entry("apps/identity", Set.of("common", "storage", "chain", "execution")),
            Map.entry("sdk/contracts", Set.of()),
            Map.entry("apps/charity", Set.of("sdk/contracts")),
            Map.entry("sdk/governance", Set.of()),
            Map.entry("apps/notary",
                    Set.of("common", "storage", "trie", "chain", "consensus", "proof", "sdk/contracts")),
            Map.entry("apps/points", Set.of("sdk/contracts")),
            Map.entry("bench", Set.of("common", "storage", "trie", "evm", "chain", "state", "testkit", "execution",
                    "consensus", "simulation", "proof", "p2p", "txpool", "rpc", "testchain", "web",
                    "apps/identity", "apps/charity", "governance", "sdk/governance", "apps/notary", "apps/points",
                    "sdk/contracts")));

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
            String[] packages = forbidden.stream().map(ModuleDependencyRulesTest::packageOf).toArray(String[]::new);
            noClasses().that().resideInAPackage(packageOf(entry.getKey()))
                    .should().dependOnClassesThat().resideInAnyPackage(packages)
                    .because("the module map: " + entry.getKey() + " may use only " + entry.getValue())
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void nothingDependsOnTheNodeModule() {
        List<String> others = ALLOWED.keySet().stream().map(ModuleDependencyRulesTest::packageOf).toList();
        noClasses().that().resideInAnyPackage(others.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("org.stele.node..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static final Path ROOT = Path.of(System.getProperty("stele.root", ".."));
    /** A row of the README's module table: | `name` | may use | owns |. */
    private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z0-9/-]+)` \\| ([^|]+) \\|",
            Pattern.MULTILINE);

    /**
     * A module's packages: {@code org.stele.<module>..}, with an application {@code apps/x} in {@code
     * org.stele.apps.x}.
     */
    private static String packageOf(String module) {
        return "org.stele." + module.replace('/', '.') + "..";
    }
    private static final Pattern POM_MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** The README's module table: each module and what it says the module may use. */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Modules"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = README_ROW.matcher(section);
        while (m.find()) rows.put(m.group(1), m.group(2).strip());
        return rows;
    }

    private static Set<String> buildModules() throws IOException {
        Matcher m = POM_MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        Set<String> modules = new TreeSet<>();
        while (m.find()) modules.add(m.group(1).strip());
        return modules;
    }

    @Test
    void theReadmeNamesExactlyTheModulesOfTheBuild() throws IOException {
        assertThat(new TreeSet<>(readmeTable().keySet())).as("README.md's module table against pom.xml's <modules>")
                .isEqualTo(buildModules());
        Set<String> ruled = new TreeSet<>(ALLOWED.keySet());
        ruled.add("node");
        assertThat(ruled).as("this test's rules against pom.xml's <modules>").isEqualTo(buildModules());
    }

    @Test
    void theReadmeSaysWhatEachModuleMayUseAsThisTestEnforces() throws IOException {
        Map<String, String> table = readmeTable();
        for (var entry : ALLOWED.entrySet()) {
            String said = table.getOrDefault(entry.getKey(), "");
            Set<String> claimed;
            if (said.equals("nothing")) claimed = Set.of();
            else if (said.equals("every module but node")) {
                claimed = new TreeSet<>(buildModules());
                claimed.removeAll(Set.of("node", entry.getKey()));
            } else
                claimed = Arrays.stream(said.split(",")).map(String::strip).collect(Collectors.toSet());
            assertThat(new TreeSet<>(claimed)).as("README.md: what %s may use", entry.getKey())
                    .isEqualTo(new TreeSet<>(entry.getValue()));
        }
        assertThat(table.get("node")).isEqualTo("every module");
    }
}
