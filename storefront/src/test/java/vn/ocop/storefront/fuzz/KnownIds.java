package vn.ocop.storefront.fuzz;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real ids to put in paths and bodies, so requests reach the rules behind "not found": read from the list endpoints
 * as each caller sees them (the first id of each list, by role), plus a live event the producer starts for the walk.
 */
final class KnownIds {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Where the ids of a path's resource are listed, when not at the path's own parent. */
    private static final Map<String, String> LISTED_AT = Map.of(
            "/api/v1/live", "/api/v1/producer/live",
            "/api/v1/producer/fulfilments", "/api/v1/producer/orders",
            "/api/v1/staff/fulfilments", "/api/v1/staff/pickups",
            "/api/v1/council/certifications", "/api/v1/producer/rankings/expiring",
            "/api/v1/staff/discrepancies", "/api/v1/staff/discrepancies",
            "/api/v1/admin/locations", "/api/v1/admin/locations");

    private final Map<String, String> firstIdByRoleAndList = new ConcurrentHashMap<>();
    private final Map<String, String> firstByField = new ConcurrentHashMap<>();
    private String tillLocation;

    static KnownIds collect(WebClient web, List<ApiCaller> callers, JsonMapper json) {
        KnownIds ids = new KnownIds();
        ApiCaller producer = callers.stream().filter(c -> c.role.equals("PRODUCER")).findFirst().orElseThrow();
        startALiveEvent(producer, json);
        for (ApiCaller c : callers) {
            for (String list : List.of("/api/v1/products", "/api/v1/locations", "/api/v1/producer/products", "/api/v1/producer/live",
                    "/api/v1/producer/orders", "/api/v1/producer/rankings/expiring?days=2000", "/api/v1/staff/pickups",
                    "/api/v1/staff/discrepancies", "/api/v1/admin/locations", "/api/v1/orders", "/api/v1/live",
                    "/api/v1/admin/producer-applications", "/api/v1/admin/producers", "/api/v1/admin/accounts", "/api/v1/producer/members",
                    "/api/v1/complaints", "/api/v1/producer/complaints", "/api/v1/admin/complaints",
                    "/api/v1/admin/money/producers")) {
                var answer = c.whole(HttpMethod.GET, list, null, null);
                if (answer.status() == 200) {
                    ids.learn(c.role, list.replaceAll("\\?.*", ""), answer.body(), json);
                }
            }
        }
        String locations = callers.get(0).whole(HttpMethod.GET, "/api/v1/locations", null, null).body();
        ids.tillLocation = tillLocationIn(locations, json);
        return ids;
    }

    private void learn(String role, String list, String body, JsonMapper json) {
        JsonNode root = json.readTree(body);
        JsonNode first = root.isArray() ? root.path(0) : root.path("items").path(0);
        for (String field : List.of("fulfilmentId", "id", "certificationId")) {
            if (first.path(field).isString()) {
                firstIdByRoleAndList.putIfAbsent(role + " " + list, first.path(field).asString());
                break;
            }
        }
        walk(root);
    }

    private void walk(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isString() && UUID_TEXT.matcher(e.getValue().asString()).matches()) {
                    firstByField.putIfAbsent(e.getKey(), e.getValue().asString());
                } else {
                    walk(e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(this::walk);
        }
    }

    String forPath(String path, String param, ApiCaller caller, JsonNode schema) {
        if (!"uuid".equals(schema.path("format").asString(""))) {
            return sample(param, schema);
        }
        if (caller.role.equals("till") && path.startsWith("/api/v1/locations/{id}") && tillLocation != null) {
            return tillLocation;
        }
        String parent = path.substring(0, path.indexOf("/{" + param + "}"));
        String list = LISTED_AT.getOrDefault(parent, parent);
        String id = firstIdByRoleAndList.get(caller.role + " " + list);
        if (id == null) {
            id = firstIdByRoleAndList.entrySet().stream().filter(e -> e.getKey().endsWith(" " + list)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (id == null && parent.endsWith("/producers")) {
            id = firstByField.get("producerId"); // money: a producer with no money yet still has a statement
        }
        return id != null ? id : UUID.randomUUID().toString();
    }

    /** A real id for a body field (productId, locationId…) when one was seen. */
    String forField(String name) {
        return name.endsWith("Id") ? firstByField.get(name) : null;
    }

    String sample(String name, JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            case "array" -> schema.path("items").has("enum") ? schema.path("items").get("enum").get(0).asString() : "x";
            default -> "uuid".equals(schema.path("format").asString("")) ? UUID.randomUUID().toString()
                    : name.toLowerCase().contains("code") ? "01" : "mat ong";
        };
    }

    private static void startALiveEvent(ApiCaller producer, JsonMapper json) {
        OffsetDateTime start = OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0);
        String plan = "{\"title\":\"Phiên live để thử API\",\"videoUrl\":\"https://youtu.be/dQw4w9WgXcQ\",\"plannedStart\":\""
                + start + "\",\"plannedEnd\":\"" + start.plusHours(2) + "\"}";
        var created = producer.whole(HttpMethod.POST, "/api/v1/live", "application/json", plan.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = json.readTree(created.body()).path("id").asString();
        producer.whole(HttpMethod.POST, "/api/v1/live/" + id + "/start", null, null);
    }

    private static String tillLocationIn(String locations, JsonMapper json) {
        for (JsonNode l : json.readTree(locations)) {
            if (l.path("name").asString().contains("Hà Nội") && "SHOWROOM".equals(l.path("kind").asString())) {
                return l.path("id").asString();
            }
        }
        return null;
    }
}
