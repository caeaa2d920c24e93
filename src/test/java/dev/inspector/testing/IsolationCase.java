package dev.inspector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One case of the isolation corpus: its header (expectation, flagged names, tenant column,
 * membership, how alice's claims carry the tenant), its setup and its proof, split into statements
 * the way the corpus README says: at lines ending with ';' outside dollar quotes.
 */
public record IsolationCase(String name, boolean leaky, List<String> flags, String tenantColumn, String membership,
                            String claims, String setup, List<String> proof) {

    public static final String ALICE_CLAIMS = "{\"sub\":\"00000000-0000-0000-0000-00000000a11c\",\"role\":\"authenticated\","
            + "\"app_metadata\":{\"tenant_id\":\"00000000-0000-0000-0000-0000000000a1\"}}";
    private static final String ROOT = "/isolation-corpus/";
    private static final Pattern HEADER = Pattern.compile("--\\s*([a-z-]+):\\s*(.*)");
    private static final Pattern DOLLAR = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");

    /** Every case: broken, safe and starter, in file order. */
    public static List<IsolationCase> all() {
        List<IsolationCase> cases = new ArrayList<>();
        for (String folder : List.of("broken", "safe", "starter")) {
            for (String file : list(folder)) {
                cases.add(parse(folder + "/" + file, read(ROOT + folder + "/" + file)));
            }
        }
        return cases;
    }

    public static String base() {
        return read(ROOT + "base.sql");
    }

    static IsolationCase parse(String name, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        StringBuilder setup = new StringBuilder();
        StringBuilder proof = new StringBuilder();
        String section = "header";
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (s.equals("-- @setup") || s.equals("-- @proof")) {
                section = s.substring(4);
                continue;
            }
            switch (section) {
                case "header" -> {
                    Matcher m = HEADER.matcher(s);
                    if (m.matches()) {
                        header.putIfAbsent(m.group(1), m.group(2).strip());
                    }
                }
                case "setup" -> setup.append(line).append('\n');
                default -> proof.append(line).append('\n');
            }
        }
        List<String> flags = header.containsKey("flags")
                ? Arrays.stream(header.get("flags").split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList() : List.of();
        return new IsolationCase(name, "LEAK".equals(header.get("expect")), flags, header.get("tenant-column"),
                header.get("membership"), header.getOrDefault("claims", "app_metadata"), setup.toString(),
                statements(proof.toString()));
    }

    /** Statements end at a line ending with ';' outside a dollar-quoted body; comment-only chunks are dropped. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String open = null;
        for (String line : sql.split("\n")) {
            current.append(line).append('\n');
            Matcher m = DOLLAR.matcher(line);
            while (m.find()) {
                if (open == null) {
                    open = m.group();
                } else if (m.group().equals(open)) {
                    open = null;
                }
            }
            if (open == null && line.stripTrailing().endsWith(";")) {
                add(statements, current.toString());
                current.setLength(0);
            }
        }
        add(statements, current.toString());
        return statements;
    }

    private static void add(List<String> statements, String chunk) {
        boolean code = chunk.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"));
        if (code) {
            statements.add(chunk.strip());
        }
    }

    private static List<String> list(String folder) {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(IsolationCase.class.getResource(ROOT + folder).toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = IsolationCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
