-- Each product image's size in pixels (unknown for those kept before this migration), and its smaller copies:
-- one per width the pages ask for (320 and 800 px on the longest side), never larger than the image itself.

alter table product_image add column width int check (width > 0);
alter table product_image add column height int check (height > 0);

create table product_image_thumbnail (
    file_name     text primary key,
    image_id      uuid not null references product_image (id),
    max_side      int not null check (max_side > 0),
    width         int not null check (width > 0),
    height        int not null check (height > 0),
    content_type  text not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes    int not null check (size_bytes > 0),
    unique (image_id, max_side)
);
