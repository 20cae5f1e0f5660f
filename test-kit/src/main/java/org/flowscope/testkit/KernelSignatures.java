package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the parameter lists of the kernels of an OpenCL ({@code __kernel void k(...)}) or CUDA ({@code __global__
 * void k(...)}) source and checks them against the record whose components are bound as the kernel's arguments:
 * same count, same names in the same order, a pointer for each component of the record's type parameter (the
 * buffer handle), and the same scalar type ({@code int}, {@code float}, {@code double}) otherwise.
 *
 * <pre>{@code
 * KernelSignatures.assertBindings(Path.of("src/main/resources/.../conv2d.cl"), Map.of("conv2d", Conv2dKernel.class));
 * }</pre>
 */
public final class KernelSignatures {
    private static final Pattern KERNEL = Pattern.compile("\\b(?:__kernel|kernel|__global__)\\s+void\\s+(\\w+)\\s*\\(");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_]\\w*|\\*");
    private static final Set<String> QUALIFIERS = Set.of("const", "__global", "global", "__constant", "constant",
            "__local", "local", "__private", "private", "__restrict__", "__restrict", "restrict", "volatile");
    private static final Map<Class<?>, Set<String>> SCALARS = Map.of(int.class, Set.of("int"),
            float.class, Set.of("float"), double.class, Set.of("double"), long.class, Set.of("long", "long long"));

    /** One kernel parameter: its name, its type without qualifiers, and whether it is a pointer. */
    public record Param(String name, String type, boolean pointer) {
    }

    private KernelSignatures() {
    }

    /** Every kernel defined in {@code source}, by name, with its parameters in order. */
    public static Map<String, List<Param>> kernels(String source) {
        String code = stripComments(source);
        Map<String, List<Param>> kernels = new LinkedHashMap<>();
        Matcher m = KERNEL.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            int close = matchingParen(code, open);
            kernels.put(m.group(1), params(code.substring(open + 1, close)));
        }
        return kernels;
    }

    public static Map<String, List<Param>> kernels(Path source) {
        try {
            return kernels(Files.readString(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + source, e);
        }
    }

    /**
     * Asserts that the kernels defined in {@code source} are exactly the keys of {@code bindings} and that each
     * kernel's parameters match its record ({@link #assertMatches}).
     */
    public static void assertBindings(Path source, Map<String, Class<? extends Record>> bindings) {
        Map<String, List<Param>> kernels = kernels(source);
        assertEquals(new TreeSet<>(bindings.keySet()), new TreeSet<>(kernels.keySet()),
                "kernels defined in " + source + " vs kernel argument records");
        bindings.forEach((name, args) -> assertMatches(source + " " + name, kernels.get(name), args));
    }

    /** Asserts that kernel {@code kernel} of {@code source} takes exactly the components of {@code args}. */
    public static void assertMatches(Path source, String kernel, Class<? extends Record> args) {
        List<Param> params = kernels(source).get(kernel);
        assertTrue(params != null, "no kernel '" + kernel + "' in " + source);
        assertMatches(source + " " + kernel, params, args);
    }

    static void assertMatches(String where, List<Param> params, Class<? extends Record> args) {
        RecordComponent[] components = args.getRecordComponents();
        assertTrue(components != null, args.getName() + " is not a record");
        List<String> expected = new ArrayList<>();
        for (RecordComponent c : components) {
            expected.add(c.getName());
        }
        List<String> actual = params.stream().map(Param::name).toList();
        assertEquals(expected, actual, where + ": parameter names and order vs the components of " + args.getSimpleName());
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Param p = params.get(i);
            String at = where + " parameter " + i + " '" + p.name() + "'";
            if (c.getGenericType() instanceof TypeVariable<?>) {
                assertTrue(p.pointer(), at + " is bound as a buffer but declared " + p.type());
            } else {
                Set<String> types = SCALARS.get(c.getType());
                if (types == null) {
                    fail(at + ": component type " + c.getType() + " cannot be bound (int, float, double, long or a buffer)");
                }
                assertTrue(!p.pointer() && types.contains(p.type()),
                        at + " is bound as " + c.getType() + " but declared " + p.type() + (p.pointer() ? "*" : ""));
            }
        }
    }

    private static List<Param> params(String list) {
        List<Param> params = new ArrayList<>();
        if (list.isBlank() || list.strip().equals("void")) {
            return params;
        }
        for (String declaration : list.split(",")) {
            List<String> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(declaration);
            while (t.find()) {
                tokens.add(t.group());
            }
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("cannot parse kernel parameter '" + declaration.strip() + "'");
            }
            String name = tokens.remove(tokens.size() - 1);
            boolean pointer = tokens.contains("*");
            tokens.removeIf("*"::equals);
            tokens.removeIf(QUALIFIERS::contains);
            params.add(new Param(name, String.join(" ", tokens), pointer));
        }
        return params;
    }

    private static int matchingParen(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parameter list at offset " + open);
    }

    private static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
    }
}
