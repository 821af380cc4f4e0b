package io.tickerpress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.load.SnapshotLoader;
import io.tickerpress.model.TradingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON Schemas shipped for editors: the sample content validates against them, they reject what the loaders
 * reject, and every object in them lists exactly the fields its loader accepts (the loader is asked by giving it an
 * unknown field at that place: its error lists the known ones).
 */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
    private static final Path CONTENT = Path.of("content");

    @TempDir
    Path dir;

    private static Schema schema(String name) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaCommand.text(name));
    }

    private static List<String> errors(String name, JsonNode doc) {
        return schema(name).validate(doc).stream().map(Object::toString).toList();
    }

    @Test
    void theSampleContentValidates() throws IOException {
        assertEquals(List.of(), errors("site", YAML.readTree(CONTENT.resolve("site.yaml").toFile())));
        int snapshots = 0;
        try (Stream<Path> files = Files.list(CONTENT.resolve("market"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                assertEquals(List.of(), errors("snapshot", JSON.readTree(f.toFile())), f.toString());
                snapshots++;
            }
        }
        int articles = 0;
        try (Stream<Path> files = Files.walk(CONTENT.resolve("articles"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                assertEquals(List.of(), errors("article", frontMatter(f)), f.toString());
                articles++;
            }
        }
        assertTrue(snapshots >= 10 && articles >= 10, snapshots + " snapshots, " + articles + " articles");
    }

    @Test
    void theSchemasRejectWhatTheLoadersReject() throws IOException {
        assertFalse(errors("snapshot", JSON.readTree("{\"date\": \"2026-01-20\", \"quotes\": [{\"symbol\": \"MU\","
                + " \"close\": -1}]}")).isEmpty(), "a negative price");
        assertFalse(errors("snapshot", JSON.readTree("{\"date\": \"2026-01-20\", \"indices\": [{\"symbol\": \"SPX\","
                + " \"clsoe\": 1}]}")).isEmpty(), "a misspelt field");
        assertFalse(errors("snapshot", JSON.readTree("{\"indices\": []}")).isEmpty(), "no date");
        assertFalse(errors("site", YAML.readTree("title: T\npaginate: 0\n")).isEmpty(), "paginate 0");
        assertFalse(errors("site", YAML.readTree("title: T\nmarket:\n  sidebar:\n    mode: newest\n")).isEmpty());
        assertFalse(errors("article", YAML.readTree("title: T\n")).isEmpty(), "no date");
        assertFalse(errors("article", YAML.readTree("title: T\ndate: 2026-01-20\ndraft: maybe\n")).isEmpty());
    }

    @Test
    void everyObjectListsExactlyTheFieldsItsLoaderAccepts() throws IOException {
        Map<String, Set<String>> checked = new TreeMap<>();
        check("site", JSON.readTree("{\"title\": \"T\"}"), checked, this::siteKnown);
        check("article", JSON.readTree("{\"title\": \"T\", \"date\": \"2026-01-20\"}"), checked, this::articleKnown);
        check("snapshot", JSON.readTree("{\"date\": \"2026-01-20\"}"), checked, SchemaTest::snapshotKnown);
        // Every object of every schema was compared, nested lists of objects included.
        assertEquals(Set.of("site:", "site:permalinks", "site:markdown", "site:charts", "site:feeds", "site:limits",
                "site:formats", "site:market", "site:market.sidebar", "site:market.closures[]", "site:market.sectors[]",
                "site:market.earlyCloses[]", "site:deploy", "site:deploy.targets[]", "site:deploy.matchers[]", "article:", "article:sources[]", "article:charts[]", "snapshot:",
                "snapshot:indices[]", "snapshot:quotes[]", "snapshot:sectors[]", "snapshot:stockOfTheDay[]"),
                checked.keySet());
    }

    @Test
    void schemaCommandPrintsEachSchemaAndRefusesOtherNames() {
        for (String name : SchemaCommand.NAMES) {
            CliTest.Run run = CliTest.run("schema", name);
            assertEquals(0, run.code(), run.err());
            assertEquals(SchemaCommand.text(name), run.out());
            assertTrue(run.out().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        }
        CliTest.Run bad = CliTest.run("schema", "digest");
        assertEquals(2, bad.code());
        assertEquals("error: NAME: 'digest' is not a schema: give site, snapshot or article\n", bad.err());
    }

    interface Known {
        Set<String> of(JsonNode doc) throws IOException;
    }

    /** Walks the schema's objects; at each, asks the loader which fields it knows there. */
    private void check(String name, JsonNode base, Map<String, Set<String>> checked, Known loader) throws IOException {
        JsonNode schema = JSON.readTree(SchemaCommand.text(name));
        List<List<String>> paths = new ArrayList<>();
        walk(schema, schema, new ArrayList<>(), paths);
        for (List<String> path : paths) {
            ObjectNode doc = base.deepCopy();
            ObjectNode at = doc;
            for (int i = 0; i < path.size(); i++) {
                String key = path.get(i);
                if (key.endsWith("[]")) {
                    ArrayNode list = at.putArray(key.substring(0, key.length() - 2));
                    at = list.addObject();
                } else {
                    at = at.putObject(key);
                }
            }
            at.put("zzUnknownField", 1);
            Set<String> fromSchema = new TreeSet<>();
            properties(schema, path).fieldNames().forEachRemaining(fromSchema::add);
            String where = name + ":" + String.join(".", path);
            assertEquals(fromSchema, loader.of(doc), where);
            checked.put(where, fromSchema);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : root.at(ref.asText().substring(1));
    }

    private static void walk(JsonNode root, JsonNode node, List<String> path, List<List<String>> out) {
        node = resolve(root, node);
        JsonNode props = node.get("properties");
        if (props == null) return;
        out.add(List.copyOf(path));
        props.fields().forEachRemaining(e -> {
            JsonNode child = resolve(root, e.getValue());
            List<String> next = new ArrayList<>(path);
            if (child.has("items") && child.get("items").isObject()) {
                next.add(e.getKey() + "[]");
                JsonNode items = resolve(root, child.get("items"));
                if (items.has("properties")) walk(root, items, next, out);
            } else if (child.has("properties")) {
                next.add(e.getKey());
                walk(root, child, next, out);
            }
        });
    }

    private static JsonNode properties(JsonNode root, List<String> path) {
        JsonNode node = resolve(root, root);
        for (String key : path) {
            JsonNode child = resolve(root, node.get("properties").get(key.replace("[]", "")));
            node = key.endsWith("[]") ? resolve(root, child.get("items")) : child;
        }
        return node.get("properties");
    }

    /** The known fields an unknown-field error lists. */
    private static Set<String> known(InputError e) {
        String m = e.problem();
        int i = m.indexOf("known fields: ");
        assertTrue(m.contains("unknown field 'zzUnknownField'") && i >= 0, m);
        return new TreeSet<>(List.of(m.substring(i + "known fields: ".length()).split(", ")));
    }

    private Set<String> siteKnown(JsonNode doc) throws IOException {
        Path content = Files.createDirectories(dir.resolve("probe-" + System.nanoTime()).resolve("content"));
        Files.writeString(content.resolve("site.yaml"), YAML.writeValueAsString(doc), StandardCharsets.UTF_8);
        try {
            SiteConfigLoader.load(content);
            // The deploy section is read by its own loader, when deploying.
            if (doc.has("deploy")) io.tickerpress.deploy.DeployConfigLoader.load(content);
        } catch (InputError e) {
            return known(e);
        }
        throw new AssertionError("site.yaml with an unknown field was accepted: " + doc);
    }

    private Set<String> articleKnown(JsonNode doc) throws IOException {
        Path site = io.tickerpress.TestSites.site(dir.resolve("article-site"), Map.of());
        try {
            new ArticleLoader(SiteConfigLoader.load(site.resolve("content"))).parse("---\n" + YAML.writeValueAsString(doc) + "---\nText\n",
                    "a.md", "2026-01-20-a.md");
        } catch (InputError e) {
            return known(e);
        }
        throw new AssertionError("front matter with an unknown field was accepted: " + doc);
    }

    private static Set<String> snapshotKnown(JsonNode doc) throws IOException {
        try {
            new SnapshotLoader(TradingCalendar.nyse(), 1 << 20).parse(JSON.writeValueAsString(doc), "2026-01-20.json",
                    "2026-01-20.json");
        } catch (InputError e) {
            return known(e);
        }
        throw new AssertionError("a snapshot with an unknown field was accepted: " + doc);
    }

    private static JsonNode frontMatter(Path article) throws IOException {
        String text = Files.readString(article).replace("\r\n", "\n");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        assertTrue(text.startsWith("---\n"), article.toString());
        int end = text.indexOf("\n---\n", 3);
        return YAML.readTree(text.substring(4, end + 1));
    }
}
