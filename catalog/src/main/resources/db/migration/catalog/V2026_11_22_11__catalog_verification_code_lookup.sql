-- /verify/{code} matches the label's code ignoring case (people also type it in): look it up by its upper case,
-- and keep codes unique that way so a code never names two products.
create unique index product_verification_code_upper_idx on product (upper(verification_code));
