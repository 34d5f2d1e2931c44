-- Each product's rating: the sum of the stars and the number of its visible reviews (the reviews themselves are the
-- orders module's: it adds a review's stars here in the transaction that writes the review, and takes them away in
-- the one that hides it). Cards, the product page, producer pages and the search index read this row; a change
-- re-indexes the product through the catalog change outbox, as stock and certifications do.
create table product_rating (
    product_id   uuid primary key references product (id),
    stars_total  bigint not null check (stars_total >= 0),
    review_count integer not null check (review_count >= 0),
    check (stars_total between review_count and 5 * review_count)
);

create function catalog_rating_changed() returns trigger language plpgsql as $$
begin
    perform catalog_change_notify(new.product_id);
    return null;
end
$$;

create trigger rating_changed after insert or update on product_rating
    for each row execute function catalog_rating_changed();
