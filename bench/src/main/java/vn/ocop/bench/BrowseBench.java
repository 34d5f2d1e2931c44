package vn.ocop.bench;

import java.net.URI;
import java.util.Map;

/** Browsing: the home page (server-rendered) and the product list API, at fixed concurrency. */
final class BrowseBench {

    private final String url;
    private final int concurrency;
    private final int seconds;

    BrowseBench(Map<String, String> options) {
        this.url = options.getOrDefault("url", "http://localhost:8080");
        this.concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        this.seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    }

    void run() throws InterruptedException {
        LoadRun load = new LoadRun();
        load.run("warm-up", concurrency, Math.min(5, seconds), n -> URI.create(url + "/api/v1/products?page=" + (n % 5)));
        var home = load.run("GET / (home page)", concurrency, seconds, n -> URI.create(url + "/?page=" + (n % 5)));
        var api = load.run("GET /api/v1/products", concurrency, seconds, n -> URI.create(url + "/api/v1/products?page=" + (n % 5)));
        LoadRun.printTable("Browse " + url, concurrency, home, api);
    }
}
