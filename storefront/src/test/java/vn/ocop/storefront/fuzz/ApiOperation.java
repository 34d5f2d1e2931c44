package vn.ocop.storefront.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** One operation of the OpenAPI document: method, path, parameters and body, and how to fill them in. */
record ApiOperation(HttpMethod method, String path, List<JsonNode> parameters, JsonNode jsonBody, boolean multipart) {

    /** What each path and query parameter is tried with, raw (encoded when the URI is built). */
    static final Map<String, String> HOSTILE_PARAMETERS = Map.of(
            "empty", "", "5k chars", "á".repeat(2500), "negative", "-1", "past long", "92233720368547758080",
            "NUL", "a\u0000b", "escape codes", "\u001b[2J", "not a number", "abc", "dot dot", "../../etc/passwd");

    static List<ApiOperation> all(JsonNode docs) {
        List<ApiOperation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                JsonNode content = op.getValue().path("requestBody").path("content");
                List<JsonNode> params = new ArrayList<>();
                op.getValue().path("parameters").forEach(params::add);
                out.add(new ApiOperation(HttpMethod.valueOf(op.getKey().toUpperCase()), path.getKey(), params,
                        content.has("application/json") ? content.get("application/json").path("schema") : null,
                        content.has("multipart/form-data")));
            }
        }
        return out;
    }

    String name() {
        return method + " " + path;
    }

    String baseContentType() {
        return jsonBody != null ? "application/json" : multipart ? Multipart.BASE.contentType() : null;
    }

    byte[] baseBody(JsonSamples samples) {
        if (jsonBody != null) {
            return samples.instance(jsonBody).toString().getBytes(StandardCharsets.UTF_8);
        }
        return multipart ? Multipart.BASE.body() : null;
    }

    /** Header parameters with plausible values (the caller brings its own Authorization). */
    Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : headerNames()) {
            h.put(name, name.equalsIgnoreCase("Stripe-Signature") ? "t=1,v1=00" : UUID.randomUUID().toString());
        }
        return h;
    }

    List<String> headerNames() {
        return parameters.stream().filter(p -> p.path("in").asString().equals("header"))
                .map(p -> p.path("name").asString()).filter(n -> !n.equalsIgnoreCase("Authorization")).toList();
    }

    Map<String, String> pathAndQueryParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        parameters.stream().filter(p -> !p.path("in").asString().equals("header"))
                .forEach(p -> out.put(p.path("name").asString(), p.path("in").asString()));
        return out;
    }

    /** The request URI: path parameters filled with known ids where there are some, {@code overrides} applied raw. */
    String uri(KnownIds ids, ApiCaller caller, Map<String, String> overrides) {
        String uri = path;
        StringBuilder query = new StringBuilder();
        for (JsonNode p : parameters) {
            String name = p.path("name").asString();
            String in = p.path("in").asString();
            String value = overrides.containsKey(name) ? overrides.get(name) : null;
            if (in.equals("path")) {
                uri = uri.replace("{" + name + "}", encode(value != null ? value : ids.forPath(path, name, caller, p.path("schema"))));
            } else if (in.equals("query") && (value != null || p.path("required").asBoolean(false))) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(encode(value != null ? value : ids.sample(name, p.path("schema"))));
            }
        }
        return uri + query;
    }

    private static String encode(String raw) {
        return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
