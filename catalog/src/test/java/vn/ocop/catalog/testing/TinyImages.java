package vn.ocop.catalog.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real, tiny images: a 2×2 PNG and JPEG drawn by ImageIO once (in memory, no cache file), and the 1×1 lossless
 * WebP of the format's documentation. Each call returns a fresh copy. Also hostile ones: a JPEG with an HTML
 * tail, a PNG whose header claims any size, a JPEG carrying EXIF (a camera name and an orientation).
 */
public final class TinyImages {

    /** What {@link #jpegWithHtmlTail()} appends to a real JPEG. */
    public static final String HTML_TAIL = "<html><body><script>alert(document.cookie)</script></body></html>";

    /** The camera name written into {@link #jpegWithExif}'s EXIF. */
    public static final String CAMERA = "OCOP-SecretCam";

    /** What {@link #jpegWithGps}'s GPS block says besides the position (GPSProcessingMethod), to find it again. */
    public static final String GPS_METHOD = "OCOP-GPS-FIX";

    private static final byte[] PNG = draw("png", BufferedImage.TYPE_INT_ARGB);
    private static final byte[] JPEG = draw("jpeg", BufferedImage.TYPE_INT_RGB);
    private static final byte[] WEBP = HexFormat.of().parseHex("524946461a000000574542505650384c0d0000002f00000010071011118888fe0700");

    private TinyImages() {
    }

    public static byte[] png() {
        return PNG.clone();
    }

    public static byte[] jpeg() {
        return JPEG.clone();
    }

    public static byte[] webp() {
        return WEBP.clone();
    }

    /**
     * A lossless WebP of that size: the documentation's 1×1 file with its VP8L header's width and height changed.
     * Its one colour is coded in zero bits a pixel, so the bitstream holds any number of pixels (all transparent).
     */
    public static byte[] webp(int width, int height) {
        byte[] webp = webp();
        int header = (width - 1) | ((height - 1) << 14) | (1 << 28); // 14 bits each, then "uses alpha"
        for (int i = 0; i < 4; i++) {
            webp[21 + i] = (byte) (header >>> (8 * i));
        }
        return webp;
    }

    /**
     * A {@code width × height} photo whose EXIF says where it was taken: Make = {@link #CAMERA} and a GPS block with
     * latitude 21° N, longitude 105° E and the processing method {@link #GPS_METHOD}.
     */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = draw("jpeg", BufferedImage.TYPE_INT_RGB, width, height);
        byte[] exif = gpsSegment();
        return ByteBuffer.allocate(jpeg.length + exif.length).put(jpeg, 0, 2).put(exif).put(jpeg, 2, jpeg.length - 2).array();
    }

    /** An opaque JPEG of that size (keep one side small: tests stay fast). */
    public static byte[] jpeg(int width, int height) {
        return draw("jpeg", BufferedImage.TYPE_INT_RGB, width, height);
    }

    /** A PNG of that size with a transparent pixel. */
    public static byte[] png(int width, int height) {
        return draw("png", BufferedImage.TYPE_INT_ARGB, width, height);
    }

    /** A PNG with an alpha channel that no pixel uses: every one is opaque (as in many screenshots). */
    public static byte[] opaquePng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFF1B6B3A);
            }
        }
        return write("png", image);
    }

    /** A real JPEG followed by a page of HTML, as a polyglot file that a browser might sniff as HTML. */
    public static byte[] jpegWithHtmlTail() {
        byte[] tail = HTML_TAIL.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(JPEG.length + tail.length).put(JPEG).put(tail).array();
    }

    /**
     * A {@code width × height} JPEG whose pixels are stored as they lie and whose APP1 EXIF segment says
     * Make = {@link #CAMERA} and Orientation = {@code orientation} (1 upright, 6 turn 90° clockwise to view).
     * The top-left pixel is red, the rest white.
     */
    public static byte[] jpegWithExif(int width, int height, int orientation) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < Math.min(8, height); y++) {
            for (int x = 0; x < Math.min(8, width); x++) {
                image.setRGB(x, y, 0xFF0000);
            }
        }
        byte[] jpeg = write("jpeg", image);
        byte[] exif = exifSegment(orientation);
        return ByteBuffer.allocate(jpeg.length + exif.length).put(jpeg, 0, 2).put(exif).put(jpeg, 2, jpeg.length - 2).array();
    }

    /**
     * A PNG whose IHDR says {@code width × height} (8-bit RGBA), with valid CRCs and a few bytes of pixel data:
     * a decoder that believed the header would allocate width × height × 4 bytes.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(HexFormat.of().parseHex("89504e470d0a1a0a"));
        png.writeBytes(chunk("IHDR", header.array()));
        png.writeBytes(chunk("IDAT", HexFormat.of().parseHex("789c030000000001")));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data).putInt((int) crc.getValue()).array();
    }

    /** APP1 "Exif": a little-endian TIFF header and one IFD with Make and Orientation. */
    private static byte[] exifSegment(int orientation) {
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        int dataOffset = 8 + 2 + 2 * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(dataOffset + make.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8)
                .putShort((short) 2)
                .putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(dataOffset)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0)
                .put(make);
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        return ByteBuffer.allocate(4 + id.length + tiff.capacity())
                .put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + id.length + tiff.capacity()))
                .put(id).put(tiff.array()).array();
    }

    /** APP1 "Exif": IFD0 with Make and a GPSInfo pointer, then the GPS IFD (refs, latitude, longitude, method). */
    private static byte[] gpsSegment() {
        byte[] make = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] method = ("ASCII\0\0\0" + GPS_METHOD).getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int gpsIfd = ifd0 + 2 + 2 * 12 + 4;
        int data = gpsIfd + 2 + 5 * 12 + 4;
        int latitude = data + make.length;
        int longitude = latitude + 24;
        int methodAt = longitude + 24;
        ByteBuffer tiff = ByteBuffer.allocate(methodAt + method.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd0)
                .putShort((short) 2)
                .putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(data)
                .putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd)
                .putInt(0)
                .putShort((short) 5)
                .putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0)
                .putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitude)
                .putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0)
                .putShort((short) 0x0004).putShort((short) 5).putInt(3).putInt(longitude)
                .putShort((short) 0x001B).putShort((short) 7).putInt(method.length).putInt(methodAt)
                .putInt(0)
                .put(make)
                .putInt(21).putInt(1).putInt(1).putInt(1).putInt(0).putInt(1)
                .putInt(105).putInt(1).putInt(51).putInt(1).putInt(0).putInt(1)
                .put(method);
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        return ByteBuffer.allocate(4 + id.length + tiff.capacity())
                .put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + id.length + tiff.capacity()))
                .put(id).put(tiff.array()).array();
    }

    private static byte[] draw(String format, int type) {
        return draw(format, type, 2, 2);
    }

    private static byte[] draw(String format, int type, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.setRGB(0, 0, 0xFF1B6B3A);
        image.setRGB(1, 1, 0xFFD4A017);
        return write(format, image);
    }

    private static byte[] write(String format, BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
