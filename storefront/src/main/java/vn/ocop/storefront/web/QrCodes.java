package vn.ocop.storefront.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * QR codes for printing on a product's label or a parcel's packing slip: PNG for the screen (8 px a module), PNG for
 * print (at least {@value #PRINT_PIXELS} px a side, whole pixels a module so edges stay sharp) and SVG (one path, any
 * size). Drawing is CPU work, so it runs off the event loop.
 */
public final class QrCodes {

    /** The smallest side of a print PNG: 1,200 px is 4 cm at 760 dpi, 10 cm at 300 dpi. */
    public static final int PRINT_PIXELS = 1200;
    private static final int PIXELS_PER_MODULE = 8;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.CHARACTER_SET, "UTF-8",
            EncodeHintType.MARGIN, 4);

    private QrCodes() {
    }

    public static Mono<byte[]> png(String text) {
        return Mono.fromCallable(() -> write(draw(encode(text), PIXELS_PER_MODULE))).subscribeOn(Schedulers.boundedElastic());
    }

    /** For print: at least {@value #PRINT_PIXELS} px a side. */
    public static Mono<byte[]> printPng(String text) {
        return Mono.fromCallable(() -> {
            BitMatrix modules = encode(text);
            int perModule = Math.max(PIXELS_PER_MODULE, (PRINT_PIXELS + modules.getWidth() - 1) / modules.getWidth());
            return write(draw(modules, perModule));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** As SVG: the quiet zone included, one unit a module, dark modules as one path. */
    public static Mono<String> svg(String text) {
        return Mono.fromCallable(() -> {
            BitMatrix modules = encode(text);
            int size = modules.getWidth();
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (modules.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %1$d %1$d" width="%2$dmm" height="%2$dmm" shape-rendering="crispEdges">\
                    <rect width="%1$d" height="%1$d" fill="#fff"/><path fill="#000" d="%3$s"/></svg>
                    """.formatted(size, 40, path);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static BitMatrix encode(String text) throws WriterException {
        return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    }

    private static BufferedImage draw(BitMatrix modules, int perModule) {
        int size = modules.getWidth() * perModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] light = new int[perModule * perModule];
        java.util.Arrays.fill(light, 1);
        int[] dark = new int[perModule * perModule];
        for (int my = 0; my < modules.getHeight(); my++) {
            for (int mx = 0; mx < modules.getWidth(); mx++) {
                raster.setPixels(mx * perModule, my * perModule, perModule, perModule, modules.get(mx, my) ? dark : light);
            }
        }
        return image;
    }

    /** Through an in-memory stream: ImageIO.write would buffer in a temporary file. */
    private static byte[] write(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
