package org.masthead.api.openapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Shapes the OpenAPI document springdoc derives from the controllers into one that standard generators
 * turn into working clients, whatever types are added later:
 * <ul>
 * <li><b>Distinct schema names.</b> springdoc names schemas by fully qualified class name
 * ({@code springdoc.use-fqn}), so two records of the same simple name never merge; this then gives each a
 * readable name by one rule ({@link #friendlyName}) and refuses to start when two would collide.</li>
 * <li><b>A discriminator with its mapping for every polymorphic type.</b> Any schema whose Java type carries
 * Jackson's {@code @JsonTypeInfo(use = NAME)} and {@code @JsonSubTypes} (body blocks, and inline marks or
 * whatever comes next) becomes a base with {@code discriminator.propertyName} and a {@code mapping} from each
 * wire name to its subtype; each subtype extends the base ({@code allOf}); a {@code oneOf} of the subtypes
 * where the base is used becomes a reference to the base.</li>
 * <li><b>Problem documents.</b> The statuses in {@link ErrorResponses} become responses with the RFC 9457
 * schema of {@link #PROBLEMS}.</li>
 * </ul>
 */
@Component
class ApiDocument implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";

    /** Each error status: what it means in this API and the problem schema of its body. */
    static final Map<Integer, ProblemKind> PROBLEMS = Map.ofEntries(
            Map.entry(400, new ProblemKind("InvalidRequestProblem",
                    "The request cannot be used: a query parameter (named in `parameter`), a field of the body "
                            + "(named in `field`, or several in `errors`) or the body itself.")),
            Map.entry(401, new ProblemKind("Problem",
                    "No valid personal access token: send `Authorization: Bearer <token>` (see WWW-Authenticate).")),
            Map.entry(403, new ProblemKind("Problem",
                    "The token's scopes or its account's roles do not allow this, or the story's status does not.")),
            Map.entry(404, new ProblemKind("Problem", "There is no such resource (or no published version of it).")),
            Map.entry(409, new ProblemKind("EditConflictProblem",
                    "Someone saved since: `currentRevision` is the revision to merge with and send again.")),
            Map.entry(410, new ProblemKind("Problem", "The story was published and has been withdrawn.")),
            Map.entry(413, new ProblemKind("Problem", "The upload or the body is larger than the server accepts.")),
            Map.entry(415, new ProblemKind("Problem", "The body is not of a media type this operation accepts.")),
            Map.entry(422, new ProblemKind("UnprocessableProblem",
                    "Understood but refused: what keeps the story from being published (`problems`), why the "
                            + "image was refused (`field`), an entry over a live blog's limits (`field`: body), or that a live blog takes "
                            + "no entries (`field`: state).")),
            Map.entry(429, new ProblemKind("Problem", "Too many requests: wait for the seconds in Retry-After.")));

    record ProblemKind(String schema, String description) {
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var statuses = new LinkedHashSet<Integer>();
        var onClass = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ErrorResponses.class);
        var onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ErrorResponses.class);
        for (var annotation : new ErrorResponses[] {onClass, onMethod}) {
            if (annotation != null) {
                for (int status : annotation.value()) {
                    statuses.add(status);
                }
            }
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (int status : statuses.stream().sorted().toList()) {
            var kind = PROBLEMS.get(status);
            if (kind == null) {
                throw new IllegalStateException("No problem schema for status " + status + " of " + handler);
            }
            operation.getResponses().addApiResponse(Integer.toString(status), new ApiResponse()
                    .description(kind.description())
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(SCHEMAS + kind.schema())))));
        }
        return operation;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI document) {
        var components = document.getComponents() == null ? new Components() : document.getComponents();
        document.setComponents(components);
        if (components.getSchemas() == null) {
            components.setSchemas(new LinkedHashMap<>());
        }
        var schemas = components.getSchemas();
        polymorphism(document, schemas);
        rename(document, schemas);
        problems(schemas);
    }

    // ---- polymorphic types: discriminator with mapping ----

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void polymorphism(OpenAPI document, Map<String, Schema> schemas) {
        Map<String, String> subtypeToBase = new LinkedHashMap<>();
        Map<String, Set<String>> baseToSubtypes = new LinkedHashMap<>();
        for (var name : List.copyOf(schemas.keySet())) {
            var type = javaType(name);
            if (type == null) {
                continue;
            }
            var info = type.getAnnotation(JsonTypeInfo.class);
            var subtypes = type.getAnnotation(JsonSubTypes.class);
            if (info == null || subtypes == null || info.use() != JsonTypeInfo.Id.NAME) {
                continue;
            }
            var property = info.property().isEmpty() ? "@type" : info.property();
            var mapping = new TreeMap<String, String>();
            var members = new LinkedHashSet<String>();
            for (var subtype : subtypes.value()) {
                var subtypeName = subtype.value().getName().replace('$', '.');
                if (!schemas.containsKey(subtypeName)) {
                    schemas.put(subtypeName, new ObjectSchema());
                }
                var wireName = subtype.name().isEmpty() ? subtype.value().getSimpleName() : subtype.name();
                mapping.put(wireName, SCHEMAS + subtypeName);
                members.add(subtypeName);
                subtypeToBase.put(subtypeName, name);
                extend(schemas.get(subtypeName), name, property, wireName);
            }
            var base = new ObjectSchema();
            base.setDescription(schemas.get(name).getDescription());
            base.addProperty(property, new StringSchema().description("Which kind of " + type.getSimpleName()
                    + " this is: one of " + String.join(", ", mapping.keySet()) + "."));
            base.setRequired(new ArrayList<>(List.of(property)));
            base.setDiscriminator(new Discriminator().propertyName(property).mapping(mapping));
            schemas.put(name, base);
            baseToSubtypes.put(name, members);
        }
        // where a base type is used, springdoc lists its subtypes in a oneOf: refer to the base instead
        visitAll(document, schemas, schema -> {
            var oneOf = schema.getOneOf();
            if (oneOf == null || oneOf.isEmpty()) {
                return;
            }
            var bases = new LinkedHashSet<String>();
            for (var member : (List<Schema>) oneOf) {
                var ref = member.get$ref();
                bases.add(ref == null ? "" : subtypeToBase.getOrDefault(ref.substring(SCHEMAS.length()), ""));
            }
            if (bases.size() == 1 && !bases.contains("")) {
                schema.setOneOf(null);
                schema.set$ref(SCHEMAS + bases.iterator().next());
                schema.setType(null);
                schema.setTypes(null);
            }
        });
    }

    /** The subtype as {@code allOf: [base, its own properties]}, without the discriminator property of its own. */
    @SuppressWarnings("rawtypes")
    private static void extend(Schema subtype, String base, String property, String wireName) {
        Schema own = new ObjectSchema();
        if (subtype.getAllOf() != null) {
            for (var part : (List<Schema>) subtype.getAllOf()) {
                if (part.get$ref() == null && part.getProperties() != null) {
                    own = part;
                }
            }
        } else if (subtype.getProperties() != null) {
            own.setProperties(subtype.getProperties());
            own.setRequired(subtype.getRequired());
        }
        if (own.getProperties() != null) {
            own.getProperties().remove(property);
        }
        own.setType("object");
        own.setTypes(new LinkedHashSet<>(Set.of("object")));
        subtype.setProperties(null);
        subtype.setRequired(null);
        subtype.setType(null);
        subtype.setTypes(null);
        subtype.setDiscriminator(null);
        subtype.setDescription("A " + base.substring(base.lastIndexOf('.') + 1) + " with " + property + " \""
                + wireName + "\".");
        subtype.setAllOf(new ArrayList<>(List.of(new Schema<>().$ref(SCHEMAS + base), own)));
    }

    // ---- names: distinct by construction, readable by one rule ----

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void rename(OpenAPI document, Map<String, Schema> schemas) {
        var names = new LinkedHashMap<String, String>();
        var taken = new LinkedHashMap<String, String>();
        for (var name : schemas.keySet()) {
            var friendly = friendlyName(name);
            var previous = taken.putIfAbsent(friendly, name);
            if (previous != null) {
                throw new IllegalStateException("Two API types would both be called " + friendly + " in the OpenAPI "
                        + "document: " + previous + " and " + name + "; rename one of them");
            }
            names.put(name, friendly);
        }
        var renamed = new LinkedHashMap<String, Schema>();
        schemas.forEach((name, schema) -> renamed.put(names.get(name), schema));
        schemas.clear();
        schemas.putAll(renamed);
        visitAll(document, schemas, schema -> {
            var ref = schema.get$ref();
            if (ref != null && ref.startsWith(SCHEMAS)) {
                var target = names.get(ref.substring(SCHEMAS.length()));
                if (target != null) {
                    schema.set$ref(SCHEMAS + target);
                }
            }
            var discriminator = schema.getDiscriminator();
            if (discriminator != null && discriminator.getMapping() != null) {
                var mapping = new TreeMap<String, String>();
                discriminator.getMapping().forEach((wire, target) ->
                        mapping.put(wire, SCHEMAS + names.getOrDefault(target.substring(SCHEMAS.length()),
                                target.substring(SCHEMAS.length()))));
                discriminator.setMapping(mapping);
            }
        });
    }

    /**
     * The readable name of a schema named by its class: the simple name; a member type of a polymorphic base
     * takes the base's name after its own ({@code Block.Paragraph} is {@code ParagraphBlock}); member types of
     * a holder class (a class that is only a namespace, such as {@code ApiResponses}) drop the holder; types of
     * the admin API are prefixed {@code Admin}, as its bodies differ from the content API's.
     */
    static String friendlyName(String name) {
        var type = javaType(name);
        if (type == null) {
            return name.substring(name.lastIndexOf('.') + 1);
        }
        var simple = type.getSimpleName();
        var outer = type.getEnclosingClass();
        if (outer != null && outer.isAnnotationPresent(JsonSubTypes.class)) {
            simple = simple + friendlyName(outer.getName().replace('$', '.')).replaceFirst("^Admin", "");
        }
        var admin = type.getPackageName().startsWith("org.masthead.api.admin");
        return admin && !simple.startsWith("Admin") ? "Admin" + simple : simple;
    }

    /** The class a schema is named after: {@code a.b.Outer.Inner} is tried as {@code a.b.Outer$Inner} too. */
    static @Nullable Class<?> javaType(String name) {
        var segments = name.replace('$', '.').split("\\.");
        for (int first = segments.length - 1; first >= 1; first--) {
            var candidate = String.join(".", java.util.Arrays.copyOfRange(segments, 0, first)) + "."
                    + String.join("$", java.util.Arrays.copyOfRange(segments, first, segments.length));
            try {
                return Class.forName(candidate, false, ApiDocument.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // a shorter package, a longer chain of enclosing classes
            }
        }
        return null;
    }

    // ---- problem documents ----

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void problems(Map<String, Schema> schemas) {
        schemas.put("Problem", problem("An error as an RFC 9457 problem document."));
        var invalid = problem("A request that cannot be used, naming what to fix.");
        invalid.addProperty("parameter", new StringSchema().description("The query parameter that is wrong.")
                .example("limit"));
        invalid.addProperty("field", new StringSchema().description("The body field (or path part) that is wrong.")
                .example("body[0].text"));
        invalid.addProperty("errors", new ArraySchema().description("Every invalid field, when there are several.")
                .items(new ObjectSchema().addProperty("field", new StringSchema()).addProperty("detail", new StringSchema())));
        schemas.put("InvalidRequestProblem", invalid);
        var conflict = problem("Someone saved the version since the revision the request was based on.");
        conflict.addProperty("currentRevision", new IntegerSchema().description("The version's revision now.").example(4));
        schemas.put("EditConflictProblem", conflict);
        var unprocessable = problem("Understood but refused.");
        unprocessable.addProperty("field", new StringSchema().description("The part that was refused.").example("file"));
        unprocessable.addProperty("problems", new ArraySchema().description("What keeps the story from being published.")
                .items(new ObjectSchema()
                        .addProperty("language", new StringSchema().example("en"))
                        .addProperty("block", new StringSchema().description("The block's id, or empty for the version.")
                                .example("lead"))
                        .addProperty("detail", new StringSchema().example("The image needs a caption."))));
        schemas.put("UnprocessableProblem", unprocessable);
    }

    private static ObjectSchema problem(String description) {
        var schema = new ObjectSchema();
        schema.setDescription(description);
        schema.addProperty("type", new StringSchema().format("uri").description("A URI naming the kind of problem.")
                .example("about:blank"));
        schema.addProperty("title", new StringSchema().description("A short summary of the kind of problem.")
                .example("Bad query parameter"));
        schema.addProperty("status", new IntegerSchema().description("The HTTP status.").example(400));
        schema.addProperty("detail", new StringSchema().description("What went wrong in this request.")
                .example("'limit' takes a whole number from 1 to 100."));
        schema.addProperty("instance", new StringSchema().format("uri-reference").description("The path requested.")
                .example("/api/v1/stories"));
        schema.setRequired(new ArrayList<>(List.of("title", "status")));
        return schema;
    }

    // ---- walking the document ----

    /** Calls {@code visitor} on every schema of the document, nested ones included. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void visitAll(OpenAPI document, Map<String, Schema> schemas, Consumer<Schema> visitor) {
        var seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Schema, Boolean>());
        schemas.values().forEach(schema -> visit(schema, visitor, seen));
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> visit(p.getSchema(), visitor, seen));
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(m -> visit(m.getSchema(), visitor, seen));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(r -> {
                    if (r.getContent() != null) {
                        r.getContent().values().forEach(m -> visit(m.getSchema(), visitor, seen));
                    }
                });
            }
        }));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void visit(@Nullable Schema schema, Consumer<Schema> visitor, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visitor.accept(schema);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(s -> visit(s, visitor, seen));
        }
        visit(schema.getItems(), visitor, seen);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            visit(additional, visitor, seen);
        }
        for (var list : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (list != null) {
                ((List<Schema>) list).forEach(s -> visit(s, visitor, seen));
            }
        }
    }
}
