package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masthead.content.Stories;
import org.masthead.content.Taxonomy;
import org.masthead.identity.Accounts;
import org.masthead.identity.Role;
import org.masthead.support.Fixtures;
import org.masthead.support.Images;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.masthead.support.Staff;
import org.masthead.support.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What another system's developer does: generate a client from the served OpenAPI document with a standard
 * generator (openapi-generator, its command-line jar, Java client on java.net.http with Jackson), compile it,
 * and call the API with it (src/test/resources/openapi-client/ClientDriver.java). Every operation of the
 * document must be among the requests the client sent: an operation added to the API without being called
 * here fails this test, and so does a block type the client did not save and read back.
 */
@MastheadTest
class GeneratedClientIntegrationTest {

    private static final Path GENERATOR = Path.of("target/tools/openapi-generator-cli.jar");

    @LocalServerPort int port;
    @Autowired Stories stories;
    @Autowired Taxonomy taxonomy;
    @Autowired Accounts accounts;
    @Autowired org.masthead.platform.outbox.OutboxRelay relay;
    @TempDir Path work;

    @Test
    void aClientGeneratedFromTheServedDocumentCallsEveryOperation() throws Exception {
        var json = new SiteClient(port).get("/api/v1/openapi.json").body();
        var document = JsonMapper.builder().build().readTree(json);
        var spec = work.resolve("openapi.json");
        Files.writeString(spec, json);
        generate(spec, "validate", "-i", spec.toString());
        var sources = work.resolve("client");
        generate(spec, "generate", "-g", "java", "--library", "native", "-i", spec.toString(), "-o", sources.toString(),
                "--api-package", "org.masthead.client.api", "--model-package", "org.masthead.client.model",
                "--invoker-package", "org.masthead.client",
                "--additional-properties=openApiNullable=false,useJakartaEe=true,hideGenerationTimestamp=true",
                "--global-property=apiTests=false,modelTests=false,apiDocs=false,modelDocs=false");
        var classes = compile(sources.resolve("src/main/java"));

        var fixtures = new Fixtures(stories, taxonomy);
        long section = fixtures.section();
        // a story of its own for the search to find, whatever other tests did to the index
        var word = "zephyrine" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        fixtures.story().in(org.masthead.platform.Language.EN, "The " + word + " question").published();
        relay.drain();
        var given = Map.<String, Object>of(
                "section", taxonomy.sections().stream().filter(s -> s.id() == section).findFirst().orElseThrow().slug(),
                "author", taxonomy.authors().getFirst().slug(),
                "tag", taxonomy.tags().getFirst().slug(),
                "query", word,
                "suffix", Long.toString(System.nanoTime(), 36),
                "headline", Fixtures.unique("Generated client"),
                "jpeg", Images.jpeg(800, 450));
        var token = Tokens.issue(new Staff(accounts).member(Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR).signIn(port), "Generated client",
                "read", "write", "publish");
        Map<String, Object> result;
        try (var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            var driver = loader.loadClass("org.masthead.client.driver.ClientDriver");
            @SuppressWarnings("unchecked")
            var returned = (Map<String, Object>) driver.getMethod("run", String.class, String.class, Map.class)
                    .invoke(null, "http://localhost:" + port, token, given);
            result = returned;
        }

        // every operation of the served document was called, and answered
        @SuppressWarnings("unchecked")
        var calls = (List<String>) result.get("calls");
        var missing = new ArrayList<String>();
        for (var path : document.path("paths").properties()) {
            var template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            for (var method : path.getValue().propertyNames()) {
                var called = calls.stream().anyMatch(call -> {
                    var parts = call.split(" ");
                    return parts[0].equalsIgnoreCase(method) && template.matcher(parts[1]).matches()
                            && parts[2].startsWith("2");
                });
                if (!called) {
                    missing.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " ("
                            + path.getValue().path(method).path("operationId").asString() + ")");
                }
            }
        }
        assertThat(missing).as("operations of the document the generated client never called with success; "
                + "call them in src/test/resources/openapi-client/ClientDriver.java. Requests sent: " + calls).isEmpty();

        // lists with cursors, one story, search
        assertThat(list(result, "firstPage")).hasSize(2).doesNotContainAnyElementsOf(list(result, "secondPage"));
        assertThat(list(result, "secondPage")).isNotEmpty();
        assertThat((String) result.get("demoHeadline")).isNotBlank();
        assertThat((Integer) result.get("demoBodySize")).isPositive();
        assertThat((String) result.get("badLimit")).startsWith("400").contains("\"parameter\":\"limit\"");
        assertThat((Long) result.get("searchTotal")).isPositive();
        // every block type of the document's mapping was saved and read back, and comes back live as its own type
        assertThat(list(result, "savedTypes")).containsExactlyInAnyOrderElementsOf(mapping(document, "Block"));
        assertThat(list(result, "liveTypes")).containsExactlyInAnyOrderElementsOf(mapping(document, "BlockResponse"));
        assertThat(list(result, "liveClasses")).doesNotContain("BlockResponse");
        // every mark type goes in and comes back typed; the public story shows the paragraph's marks
        // the newsroom's structure: sections, tags (merged), authors and pages made, read, changed and removed
        assertThat(result).containsEntry("sectionRenamed", "client-desk-" + given.get("suffix"))
                .containsEntry("tagMergedInto", result.get("keptTagId")).containsEntry("pageTitle", "About this client")
                .containsEntry("authorJobTitle", "Wire editor");
        // the front page was set, read and put back; the banner set, read and taken down
        assertThat(result.get("frontLead")).isEqualTo(result.get("demoId"));
        assertThat(result.get("frontRead")).isEqualTo(result.get("demoHeadline"));
        assertThat(result).containsEntry("bannerText", "Breaking from the generated client");
        // the live blog: an entry posted, corrected and read back; an ended live blog refuses entries, naming its state
        assertThat(result).containsEntry("liveState", "live");
        assertThat(list(result, "liveEntries")).containsExactly("First from the wire, corrected");
        assertThat((String) result.get("liveEnded")).startsWith("422").contains("\"field\":\"state\"");
        assertThat(list(result, "liveMarks")).containsExactlyInAnyOrder("bold", "italic", "link", "storyLink");
        assertThat(result.get("liveHeadline")).isEqualTo(given.get("headline"));
        assertThat((String) result.get("conflict")).startsWith("409").contains("currentRevision");
        assertThat(result).containsEntry("createdStatus", "draft").containsEntry("submitted", "in_review")
                .containsEntry("published", "published").containsEntry("unpublished", "unpublished")
                .containsEntry("withdrawn", 410);
    }

    private static List<String> list(Map<String, Object> result, String key) {
        return ((List<?>) result.get(key)).stream().map(String::valueOf).toList();
    }

    private static LinkedHashSet<String> mapping(JsonNode document, String schema) {
        var names = new LinkedHashSet<String>();
        document.path("components").path("schemas").path(schema).path("discriminator").path("mapping").propertyNames()
                .forEach(names::add);
        assertThat(names).as(schema + " mapping").isNotEmpty();
        return names;
    }

    /** Runs openapi-generator's jar (fetched by the build into target/tools) in its own JVM. */
    private void generate(Path spec, String... arguments) throws Exception {
        assertThat(GENERATOR).as("the build copies openapi-generator-cli into target/tools").exists();
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", GENERATOR.toString()));
        command.addAll(List.of(arguments));
        var log = work.resolve("generator.log");
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("openapi-generator did not finish");
        }
        assertThat(process.exitValue()).as("openapi-generator " + arguments[0] + " of " + spec + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8)).isZero();
    }

    /** Compiles the generated client with the driver against the test class path; returns the class folder. */
    private Path compile(Path generated) throws Exception {
        var files = new ArrayList<File>();
        try (var walk = Files.walk(generated)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
        }
        var driver = work.resolve("driver/org/masthead/client/driver/ClientDriver.java");
        Files.createDirectories(driver.getParent());
        try (var in = getClass().getResourceAsStream("/openapi-client/ClientDriver.java")) {
            Files.write(driver, in.readAllBytes());
        }
        files.add(driver.toFile());
        var out = Files.createDirectories(work.resolve("classes"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.StringWriter();
        var classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (var manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            var ok = compiler.getTask(errors, manager, null, List.of("-d", out.toString(), "-classpath", classpath,
                    "-proc:none", "-nowarn", "-Xlint:none", "--release", "21"), null, manager.getJavaFileObjectsFromFiles(files))
                    .call();
            assertThat(ok).as("the generated client and its driver compile:\n" + errors).isTrue();
        }
        return out;
    }
}
