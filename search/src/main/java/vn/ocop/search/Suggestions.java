package vn.ocop.search;

import java.util.List;

/** Names completing what a shopper typed; {@code degraded} when PostgreSQL answered because Elasticsearch could not. */
public record Suggestions(List<String> names, boolean degraded) {

    public static final Suggestions NONE = new Suggestions(List.of(), false);

    public Suggestions {
        names = List.copyOf(names);
    }
}
