package vn.motcua.integration;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A hand check of a JSON value against the small part of JSON Schema 2020-12 that {@code docs/events} uses: type,
 * const, enum, required, properties, additionalProperties false, items, minimum, format date-time.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    /** What in {@code value} breaks {@code schema}; empty when nothing does. */
    static List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(at + " is not " + schema.get("const"));
        }
        if (schema.has("enum") && !schema.get("enum").valueStream().toList().contains(value)) {
            problems.add(at + " is none of " + schema.get("enum"));
        }
        String type = schema.has("type") ? schema.get("type").asString() : null;
        if (type == null) {
            return;
        }
        boolean fits = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
        if (!fits) {
            problems.add(at + " is not of type " + type + ": " + value);
            return;
        }
        if ("date-time".equals(schema.path("format").asString(null))) {
            try {
                Instant.parse(value.asString());
            } catch (DateTimeParseException e) {
                problems.add(at + " is not a date-time: " + value);
            }
        }
        if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            problems.add(at + " is under " + schema.get("minimum"));
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
            }
        }
        if (value.isObject()) {
            schema.path("required").valueStream().map(JsonNode::asString)
                    .filter(name -> !value.has(name)).forEach(name -> problems.add(at + "." + name + " is missing"));
            JsonNode properties = schema.path("properties");
            for (String name : value.propertyNames()) {
                if (properties.has(name)) {
                    check(value.get(name), properties.get(name), at + "." + name, problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(at + "." + name + " is not in the schema");
                }
            }
        }
    }
}
