package vn.ocop.storefront.fuzz;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON bodies made from the OpenAPI document's schemas: a plausible instance of each (so a request gets past the
 * shape checks to the rules behind them), and that instance with one field at a time replaced by a hostile value.
 */
final class JsonSamples {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The values every field is tried with: empty, huge, NUL and escape codes, out of range, the wrong JSON type. */
    static final Map<String, JsonNode> HOSTILE = Map.ofEntries(
            Map.entry("empty", NODES.stringNode("")),
            Map.entry("100k chars", NODES.stringNode("á".repeat(100_000))),
            Map.entry("NUL", NODES.stringNode("mật\u0000ong")),
            Map.entry("escape codes", NODES.stringNode("\u001b[2J\u0007\u0085")),
            Map.entry("negative", NODES.numberNode(-1)),
            Map.entry("zero", NODES.numberNode(0)),
            Map.entry("past int", NODES.numberNode(2_147_483_648L)),
            Map.entry("past long", NODES.numberNode(new java.math.BigInteger("92233720368547758080"))),
            Map.entry("huge double", NODES.numberNode(1e308)),
            Map.entry("object", NODES.objectNode()),
            Map.entry("array", NODES.arrayNode().add(1)),
            Map.entry("null", NODES.nullNode()),
            Map.entry("boolean", NODES.booleanNode(true)));

    private final JsonNode components;
    private final Function<String, String> idFor;

    /** {@code idFor} gives a real id for a field name when one is known (productId, locationId…), else null. */
    JsonSamples(JsonNode apiDocs, Function<String, String> idFor) {
        this.components = apiDocs.path("components").path("schemas");
        this.idFor = idFor;
    }

    JsonNode instance(JsonNode schema) {
        return instance("body", schema, 0);
    }

    private JsonNode instance(String name, JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asString("object");
        return switch (type) {
            case "object" -> object(s, depth);
            case "array" -> depth > 4 ? NODES.arrayNode() : NODES.arrayNode().add(instance(name, s.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.stringNode(text(name, s.path("format").asString("")));
        };
    }

    private ObjectNode object(JsonNode s, int depth) {
        ObjectNode o = NODES.objectNode();
        if (depth > 4) {
            return o;
        }
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
            o.set(p.getKey(), instance(p.getKey(), p.getValue(), depth + 1));
        }
        return o;
    }

    private String text(String name, String format) {
        String known = idFor.apply(name);
        if (known != null) {
            return known;
        }
        String n = name.toLowerCase();
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> OffsetDateTime.now(HANOI).plusHours(1).withNano(0).toString();
            case "date" -> LocalDate.now(HANOI).toString();
            default -> n.contains("email") ? "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.vn"
                    : n.contains("password") ? "nuoc mam phu quoc 2026 ngon"
                    : n.contains("phone") ? "0912345678"
                    : n.contains("url") ? "https://youtu.be/dQw4w9WgXcQ"
                    : n.contains("code") ? "01"
                    : "Mật ong rừng U Minh";
        };
    }

    /** Every leaf of {@code instance} (its path as a list of keys and indexes), depth first, at most {@code limit}. */
    static List<List<Object>> leaves(JsonNode instance, int limit) {
        List<List<Object>> out = new ArrayList<>();
        collect(instance, new ArrayList<>(), out, limit);
        return out;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out, int limit) {
        if (out.size() >= limit) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                path.add(e.getKey());
                collect(e.getValue(), path, out, limit);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            path.add(0);
            collect(node.get(0), path, out, limit);
            path.remove(path.size() - 1);
        } else {
            out.add(List.copyOf(path));
        }
    }

    /** A deep copy of {@code instance} with the leaf at {@code path} replaced. */
    static JsonNode with(JsonNode instance, List<Object> path, JsonNode value) {
        JsonNode copy = instance.deepCopy();
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = copy;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asString();
            s = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }
}
