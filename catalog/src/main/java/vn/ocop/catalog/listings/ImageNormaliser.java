package vn.ocop.catalog.listings;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import vn.ocop.catalog.listings.ImageRejected.Rule;

/**
 * Turns an upload into the copy the catalog keeps: decoded with ImageIO (TwelveMonkeys adds WebP and a sturdier
 * JPEG reader), at most {@value #MAX_SIDE} px a side as the header says (read before any pixel is decoded, so a
 * decompression bomb never is), upright as its EXIF said, and written afresh: JPEG when opaque, PNG when anything
 * shows through. Metadata (EXIF, GPS) and bytes after the image do not survive. Decoding is CPU-bound and a
 * 6,000 px square peaks at about 210 MB of heap as a JPEG and 250 MB as a translucent PNG (measured), so it runs on
 * a few threads of its own ({@code ocop.images.concurrent-decodes}, default 2) and a burst of uploads queues for them.
 */
@Component
class ImageNormaliser implements DisposableBean {

    static final int MAX_SIDE = 6000;
    private static final float JPEG_QUALITY = 0.9f;

    /** The copy to keep, in the type it was written as. */
    record Normalised(ImageType type, byte[] bytes, int width, int height) {
    }

    /** The copy to keep and its smaller copies ({@link Thumbnails}), all drawn from one decoding. */
    record Kept(Normalised original, List<Thumbnails.Thumbnail> thumbnails) {
    }

    private final Scheduler decoding;

    ImageNormaliser(@Value("${ocop.images.concurrent-decodes:2}") int concurrentDecodes) {
        // the registry finds the TwelveMonkeys readers through the class loader current here (the application's)
        ImageIO.scanForPlugins();
        this.decoding = Schedulers.newBoundedElastic(concurrentDecodes, Integer.MAX_VALUE, "image-decode", 60, true);
    }

    /** The image re-encoded, or ImageRejected (DIMENSIONS_TOO_LARGE, UNREADABLE). */
    Mono<Normalised> normalise(ImageType type, byte[] bytes) {
        return Mono.fromCallable(() -> normaliseNow(type, bytes)).subscribeOn(decoding);
    }

    /** The image re-encoded with its thumbnails (the same type, no metadata), or ImageRejected as {@link #normalise}. */
    Mono<Kept> normaliseWithThumbnails(ImageType type, byte[] bytes) {
        return Mono.fromCallable(() -> {
            BufferedImage image = upright(type, bytes);
            Normalised original = keep(image);
            return new Kept(original, Thumbnails.of(image, original.type()));
        }).subscribeOn(decoding);
    }

    /** The same, on the calling thread (it blocks). */
    static Normalised normaliseNow(ImageType type, byte[] bytes) {
        return keep(upright(type, bytes));
    }

    private static BufferedImage upright(ImageType type, byte[] bytes) {
        BufferedImage image = decode(type, bytes);
        return type == ImageType.JPEG ? ExifOrientation.apply(image, ExifOrientation.of(bytes)) : image;
    }

    /** JPEG when every pixel is opaque, PNG when anything shows through. */
    private static Normalised keep(BufferedImage image) {
        return isOpaque(image) ? write(ImageType.JPEG, toType(image, opaqueType(image))) : write(ImageType.PNG, image);
    }

    private static BufferedImage decode(ImageType type, byte[] bytes) {
        ImageReader reader = reader(type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true); // metadata is never read: it is not kept
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > MAX_SIDE || height > MAX_SIDE) {
                throw new ImageRejected(Rule.DIMENSIONS_TOO_LARGE, "the image is " + width + " × " + height
                        + " pixels; at most " + MAX_SIDE + " pixels a side are accepted");
            }
            List<String> warnings = new java.util.ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (warnings.stream().anyMatch(ImageNormaliser::cutShort)) {
                throw new ImageRejected(Rule.UNREADABLE, "the " + type.label + " file ends before its image does; it may be damaged");
            }
            return image;
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof ImageRejected rejected) {
                throw rejected;
            }
            throw new ImageRejected(Rule.UNREADABLE, "the file does not decode as a " + type.label + " image; it may be damaged");
        } finally {
            reader.dispose();
        }
    }

    /** A decoder's warning that the file stops mid-image (the rest would be drawn grey): half a photo is not kept. */
    private static boolean cutShort(String warning) {
        String w = warning == null ? "" : warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("premature end") || w.contains("truncated") || w.contains("missing eoi");
    }

    private static ImageReader reader(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.formatName);
        }
        return readers.next(); // TwelveMonkeys orders its JPEG reader before the JDK's
    }

    /** Whether every pixel is fully opaque; a PNG with an alpha channel it does not use is kept as a JPEG. */
    static boolean isOpaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return true;
        }
        WritableRaster alpha = image.getAlphaRaster();
        if (alpha == null) {
            return false; // a palette with a transparent entry: keep it as PNG
        }
        int opaque = (1 << alpha.getSampleModel().getSampleSize(0)) - 1;
        int[] row = new int[alpha.getWidth()];
        for (int y = 0; y < alpha.getHeight(); y++) {
            alpha.getSamples(0, y, row.length, 1, 0, row);
            for (int a : row) {
                if (a != opaque) {
                    return false;
                }
            }
        }
        return true;
    }

    static int opaqueType(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
    }

    /** The image in a type the writers take as it is; drawn into one when it is not (a palette, 16 bits, CMYK). */
    static BufferedImage toType(BufferedImage image, int type) {
        if (image.getType() == type) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    static Normalised write(ImageType type, BufferedImage image) {
        BufferedImage written = type == ImageType.PNG && image.getColorModel().getComponentSize(0) != 8
                ? toType(image, BufferedImage.TYPE_INT_ARGB) : image;
        ImageWriter writer = ImageIO.getImageWritersByFormatName(type.formatName).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(written, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("writing a decoded image to memory failed", e);
        } finally {
            writer.dispose();
        }
        return new Normalised(type, bytes.toByteArray(), written.getWidth(), written.getHeight());
    }

    @Override
    public void destroy() {
        decoding.dispose();
    }
}
