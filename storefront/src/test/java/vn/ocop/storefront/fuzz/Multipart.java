package vn.ocop.storefront.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Multipart bodies for the image upload: a real 1×1 PNG, then text posing as an image, too many parts, none, no boundary. */
record Multipart(String contentType, byte[] body) {

    static final String BOUNDARY = "ocopFuzzBoundary";
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final Multipart BASE = of(1, "photo.png", PNG);

    static Map<String, Multipart> variants() {
        Map<String, Multipart> out = new LinkedHashMap<>();
        out.put("text as .jpg", of(1, "photo.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        out.put("nine parts", of(9, "photo.png", PNG));
        out.put("PNG with an HTML tail", of(1, "photo.png", concat(PNG, "<html>".getBytes(StandardCharsets.UTF_8))));
        out.put("NUL in file name", of(1, "ph\u0000oto.png", PNG));
        out.put("no parts", new Multipart("multipart/form-data; boundary=" + BOUNDARY, ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        out.put("no boundary", new Multipart("multipart/form-data", BASE.body()));
        out.put("cut short", new Multipart(BASE.contentType(), java.util.Arrays.copyOf(BASE.body(), BASE.body().length / 2)));
        return out;
    }

    static Multipart of(int parts, String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts; i++) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: image/png\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
