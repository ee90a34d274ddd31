package org.masthead.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masthead.support.MastheadTest;
import org.masthead.support.SiteClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document as a client generator reads it: distinct readable schema names, a discriminator
 * with its mapping for every polymorphic type and no untagged {@code oneOf}, problem documents for every
 * error status, operations tagged for their audience, the bearer scheme exactly on the admin operations.
 * The generated client itself is {@link GeneratedClientIntegrationTest}.
 */
@MastheadTest
class OpenApiDocumentIntegrationTest {

    @LocalServerPort int port;
    JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        var response = new SiteClient(port).get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        if (System.getenv("MASTHEAD_TEST_OPENAPI_DUMP") != null) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("MASTHEAD_TEST_OPENAPI_DUMP")), response.body());
        }
        document = JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void theLicenseSaysWhereItsTermsAre() {
        var license = document.path("info").path("license");
        assertThat(license.path("name").asString()).isNotBlank();
        assertThat(license.has("url") || license.has("identifier")).isTrue();
    }

    @Test
    void schemaNamesAreReadableAndThePublicAndAdminStoriesAreDifferentSchemas() {
        var names = new ArrayList<String>();
        document.path("components").path("schemas").propertyNames().forEach(names::add);
        assertThat(names).allSatisfy(name -> assertThat(name).matches("[A-Z][A-Za-z0-9]*"));
        assertThat(names).contains("StoryResponse", "AdminStoryResponse", "Block", "BlockResponse", "Problem");
        var schemas = document.path("components").path("schemas");
        assertThat(schemas.path("StoryResponse").path("properties").has("headline")).isTrue();
        assertThat(schemas.path("StoryResponse").path("properties").has("body")).isTrue();
        assertThat(schemas.path("AdminStoryResponse").path("properties").has("versions")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1stories~1{id}~1{language}/get/responses/200/content")
                .findValue("$ref").asString()).isEqualTo("#/components/schemas/StoryResponse");
    }

    @Test
    void everyPolymorphicTypeHasADiscriminatorWithItsMappingAndNoOneOfIsLeftWithoutOne() {
        var schemas = document.path("components").path("schemas");
        assertThat(mapping(schemas.path("Block"))).containsExactlyInAnyOrder("paragraph", "subheading", "quote", "image",
                "list", "readAlso", "embed");
        assertThat(mapping(schemas.path("BlockResponse"))).containsExactlyInAnyOrder("paragraph", "subheading", "quote",
                "image", "list", "readAlso", "embed");
        schemas.properties().forEach(entry -> {
            var discriminator = entry.getValue().path("discriminator");
            if (!discriminator.isMissingNode()) {
                assertThat(discriminator.path("mapping").size()).as(entry.getKey()).isPositive();
                discriminator.path("mapping").forEach(target -> {
                    var name = target.asString().substring("#/components/schemas/".length());
                    assertThat(schemas.has(name)).as(target.asString()).isTrue();
                    // a subtype extends its base, so generators make it a subclass
                    assertThat(schemas.path(name).path("allOf").get(0).path("$ref").asString())
                            .isEqualTo("#/components/schemas/" + entry.getKey());
                });
            }
        });
        for (var oneOf : document.findValues("oneOf")) {
            throw new AssertionError("a oneOf without a discriminator is left in the document: " + oneOf);
        }
        assertThat(schemas.at("/AdminSaveVersionRequest/properties/body/items/$ref").asString())
                .isEqualTo("#/components/schemas/Block");
    }

    @Test
    void everyOperationIsTaggedForItsAudienceDescribesItsErrorsAndOnlyAdminOnesNeedTheToken() {
        var operations = 0;
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                var operation = method.getValue();
                var where = method.getKey() + " " + path.getKey();
                operations++;
                assertThat(operation.path("operationId").asString()).as(where).isNotBlank();
                var tags = new ArrayList<String>();
                operation.path("tags").forEach(t -> tags.add(t.asString()));
                boolean admin = path.getKey().startsWith("/api/v1/admin/");
                assertThat(tags).as(where).containsExactly(admin ? "admin"
                        : path.getKey().equals("/api/v1/search") ? "search" : "content");
                assertThat(operation.has("security")).as(where).isEqualTo(admin);
                var errors = new ArrayList<String>();
                operation.path("responses").properties().forEach(response -> {
                    if (response.getKey().matches("[45]\\d\\d")) {
                        errors.add(response.getKey());
                        assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
                                .as(where + " " + response.getKey()).startsWith("#/components/schemas/")
                                .endsWith("Problem");
                    }
                });
                assertThat(errors).as(where).contains("400");
                if (admin) {
                    assertThat(errors).as(where).contains("401", "403");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(11);
        var tagNames = new ArrayList<String>();
        document.path("tags").forEach(t -> tagNames.add(t.path("name").asString()));
        assertThat(tagNames).containsExactly("content", "search", "admin");
        assertThat(document.at("/components/securitySchemes/token/scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void requestsCarryExamplesAndTheUploadIsAMultipartFormOfFileAndTexts() {
        var save = document.at("/paths/~1api~1v1~1admin~1stories~1{id}~1{lang}/put/requestBody/content/application~1json");
        assertThat(save.at("/examples/everyBlock/value").toString()).contains("\"paragraph\"", "\"embed\"");
        var upload = document.at("/paths/~1api~1v1~1admin~1media/post");
        assertThat(upload.path("parameters").size()).isZero();
        var form = upload.at("/requestBody/content/multipart~1form-data/schema");
        var properties = new ArrayList<String>();
        var schema = form.has("$ref") ? document.path("components").path("schemas")
                .path(form.path("$ref").asString().substring("#/components/schemas/".length())) : form;
        schema.path("properties").propertyNames().forEach(properties::add);
        assertThat(properties).contains("file", "en.caption", "uk.credit", "ru.alt");
        assertThat(document.at("/paths/~1api~1v1~1stories/get/parameters/0/example").isMissingNode()).isFalse();
    }

    private static Set<String> mapping(JsonNode schema) {
        return Set.copyOf(schema.path("discriminator").path("mapping").propertyNames());
    }
}
