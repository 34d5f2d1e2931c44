package vn.ocop.catalog.listings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.catalog.OcopGroup;
import vn.ocop.catalog.ProductId;

/** One row of a product joined to its images and their thumbnails (the image and thumbnail columns may be null). */
record PictureRow(UUID product, String name, String group, String image, Integer width, Integer height,
                  String thumbnail, Integer thumbnailWidth, Integer thumbnailHeight) {

    /** Rows ordered by product, image position and thumbnail size, folded into one answer per product. */
    static List<ProductPictures> assemble(List<PictureRow> rows) {
        Map<UUID, List<PictureRow>> byProduct = new LinkedHashMap<>();
        rows.forEach(r -> byProduct.computeIfAbsent(r.product, id -> new ArrayList<>()).add(r));
        return byProduct.values().stream().map(PictureRow::pictures).toList();
    }

    private static ProductPictures pictures(List<PictureRow> rows) {
        Map<String, List<PictureRow>> byImage = new LinkedHashMap<>();
        rows.stream().filter(r -> r.image != null).forEach(r -> byImage.computeIfAbsent(r.image, f -> new ArrayList<>()).add(r));
        List<ProductImage> images = byImage.values().stream().map(PictureRow::image).toList();
        PictureRow first = rows.get(0);
        return new ProductPictures(new ProductId(first.product), first.name, OcopGroup.valueOf(first.group), images);
    }

    private static ProductImage image(List<PictureRow> rows) {
        PictureRow first = rows.get(0);
        List<ProductImage.Scaled> thumbnails = rows.stream().filter(r -> r.thumbnail != null)
                .map(r -> new ProductImage.Scaled(r.thumbnail, r.thumbnailWidth, r.thumbnailHeight)).toList();
        return new ProductImage(first.image, first.width, first.height, thumbnails);
    }
}
