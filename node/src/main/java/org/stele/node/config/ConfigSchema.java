package org.stele.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of a configuration record, derived from its components: a component's key is its name in kebab case,
 * after its enclosing component's key ({@code rpcHttp.port} is {@code rpc-http-port}), except under a
 * {@link Flatten} component. A record-typed component is a group of keys; any other is one key. Its environment
 * variable is {@code STELE_} and the key in upper case with {@code _} for {@code -}.
 *
 * @param <T> the configuration record
 */
public final class ConfigSchema<T extends Record> {
    public static final String ENV_PREFIX = "STELE_";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One setting: its key, its Java type and its default. */
    public record Key(String name, Type type, Object defaultValue) {
        public String environmentVariable() {
            return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        /** Whether the key takes a value on the command line (booleans may stand alone). */
        public boolean isBoolean() {
            return type == boolean.class || type == Boolean.class;
        }
    }

    private final Class<T> type;
    private final T defaults;
    private final Map<String, Key> keys = new LinkedHashMap<>();

    public ConfigSchema(Class<T> type, T defaults) {
        this.type = type;
        this.defaults = defaults;
        collect(type, defaults, "");
    }

    public Class<T> type() {
        return type;
    }

    public T defaults() {
        return defaults;
    }

    /** Every key, in the order of the records' components. */
    public Collection<Key> keys() {
        return keys.values();
    }

    public boolean has(String key) {
        return keys.containsKey(key);
    }

    /** {@code rpcHttp} → {@code rpc-http}. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) out.append('-').append(Character.toLowerCase(c));
            else
                out.append(c);
        }
        return out.toString();
    }

    private void collect(Class<?> record, Object value, String prefix) {
        for (RecordComponent c : record.getRecordComponents()) {
            Object v = read(c, value);
            String name = name(prefix, c);
            if (c.getType().isRecord()) {
                collect(c.getType(), v, groupPrefix(prefix, c));
            } else {
                if (keys.containsKey(name)) throw new IllegalStateException("two settings have the key " + name);
                keys.put(name, new Key(name, c.getGenericType(), v));
            }
        }
    }

    /** The key of a setting {@code c} under a group whose keys start with {@code prefix}. */
    private static String name(String prefix, RecordComponent c) {
        return prefix + kebab(c.getName());
    }

    /** What the keys of a group {@code c} under {@code prefix} start with. */
    private static String groupPrefix(String prefix, RecordComponent c) {
        return c.isAnnotationPresent(Flatten.class) ? prefix : name(prefix, c) + "-";
    }

    private static Object read(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    /**
     * The one precedence rule: a flag over an environment variable, over the file, over the default.
     *
     * @param file the {@code --config} file, or null for none
     * @param flags the keys given on the command line ({@link ConfigFlags#given})
     * @throws ConfigException naming the key, the source and the reason
     */
    public T load(Path file, Map<String, String> env, ConfigSource flags) {
        List<ConfigSource> sources = new ArrayList<>();
        if (file != null) sources.add(TomlFile.read(file));
        sources.add(environment(env));
        sources.add(flags);
        return build(sources);
    }

    /**
     * Builds the record from the sources, each later one overriding the earlier ones, over the defaults.
     *
     * @throws ConfigException naming the key, the source and the reason
     */
    public T build(List<ConfigSource> lowestFirst) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Key k : keys.values()) values.put(k.name(), k.defaultValue());
        for (ConfigSource s : lowestFirst) {
            for (var e : s.values().entrySet()) {
                Key k = keys.get(e.getKey());
                if (k == null) throw new ConfigException(s.name() + ": unknown key '" + s.spelling(e.getKey()) + "'");
                values.put(k.name(), convert(k, e.getValue(), s));
            }
        }
        return type.cast(construct(type, "", values));
    }

    private Object construct(Class<?> record, String prefix, Map<String, Object> values) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            args[i] = c.getType().isRecord()
                    ? construct(c.getType(), groupPrefix(prefix, c), values)
                    : values.get(name(prefix, c));
        }
        try {
            Constructor<?> ctor = record.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            String where = prefix.isEmpty() ? "" : " (keys " + prefix + "*)";
            throw new ConfigException("invalid configuration" + where + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + record, e);
        }
    }

    private static Object convert(Key k, JsonNode value, ConfigSource source) {
        try {
            Class<?> raw = rawClass(k.type());
            if (raw == Path.class) {
                if (!value.isTextual()) throw new IllegalArgumentException("want a path");
                return Path.of(value.textValue());
            }
            if (raw == Duration.class) return duration(value);
            if (Collection.class.isAssignableFrom(raw) && value.isTextual()) {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                for (String item : value.textValue().split(",")) if (!item.isBlank()) items.add(item.strip());
                value = items;
            }
            if ((raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class
                    || raw == BigInteger.class) && value.isTextual()) {
                value = JsonNodeFactory.instance.numberNode(new BigInteger(value.textValue().replace("_", "")));
            }
            if ((raw == boolean.class || raw == Boolean.class) && value.isTextual()) {
                String t = value.textValue().toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) throw new IllegalArgumentException("want true or false");
                return Boolean.parseBoolean(t);
            }
            Object v = JSON.convertValue(value, JSON.constructType(k.type()));
            if (raw == int.class && value.isNumber() && !value.canConvertToInt()
                    || raw == long.class && value.isNumber() && !value.canConvertToLong())
                throw new IllegalArgumentException("out of range");
            if (v == null) throw new IllegalArgumentException("no value");
            return v;
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException(source.name() + ": " + source.spelling(k.name()) + " = " + value
                    + " is not a valid " + typeName(k.type()) + (why.isEmpty() ? "" : " (" + why + ")"));
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    private static Duration duration(JsonNode value) {
        if (!value.isTextual()) throw new IllegalArgumentException("want a duration such as 30s, 500ms or PT1M");
        String t = value.textValue().strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt") || t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("want a duration such as 30s, 500ms or PT1M");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("want a duration such as 30s, 500ms or PT1M");
        }
    }

    private static Class<?> rawClass(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    static String typeName(Type t) {
        Class<?> raw = rawClass(t);
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class
                || raw == BigInteger.class)
            return "integer";
        if (Collection.class.isAssignableFrom(raw)) return "list";
        return raw.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** Values given by environment variables: each key's {@code STELE_*} name, when set. */
    public ConfigSource environment(Map<String, String> env) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Key k : keys.values()) {
            String v = env.get(k.environmentVariable());
            if (v != null) {
                values.put(k.name(), JsonNodeFactory.instance.textNode(v));
                names.put(k.name(), k.environmentVariable());
            }
        }
        return new ConfigSource("environment", values, names);
    }
}
