-- Lots (issue 19): stock is kept per (location, lot) as well as per (location, product). A lot is one batch of a
-- product: its code (printed on the label), production date and use-by date (none for goods that do not spoil:
-- handicrafts, plants). The per-product stock rows stay the sums of their lots, and every movement is split over the
-- lots it moved (stock_movement_lot), so per lot the ledger sums to the lot's stock as per product it does today.
--
-- Which lots a movement moves is decided here, in one place, by the trigger stock_movement_lots: a movement that names
-- its lot (lot_code) moves that lot; one that does not takes the lot with the earliest use-by first (FEFO) among the
-- lots that can be sold. Every path that writes movements (a till's batch, a producer's receipt, a reservation, a
-- pickup, a transfer) gets the same rule, in the same statement as the movement.

create table lot (
    id            uuid primary key,
    product_id    uuid not null references product (id),
    producer_id   uuid not null references producer (id),
    -- as printed on the label: letters, digits and - . / (checked by the app), unique per product
    code          text not null check (length(code) between 1 and 40),
    produced_on   date,
    -- the last day (Asia/Ho_Chi_Minh) the lot may be sold; none for goods that do not spoil
    use_by        date,
    recalled_at   timestamptz,
    recall_reason text check (length(recall_reason) between 1 and 500),
    recalled_by   text check (length(recalled_by) <= 200),
    created_by    text not null check (length(created_by) between 1 and 200),
    created_at    timestamptz not null default clock_timestamp(),
    unique (product_id, code),
    check (use_by is null or produced_on is null or use_by >= produced_on),
    check ((recalled_at is null) = (recall_reason is null))
);
create index lot_use_by_idx on lot (use_by) where use_by is not null and recalled_at is null;

create table stock_lot (
    location_id uuid not null references location (id),
    lot_id      uuid not null references lot (id),
    product_id  uuid not null references product (id),
    -- as on the product's stock row: a sale at an offline till may take a lot below zero
    on_hand     integer not null default 0,
    reserved    integer not null default 0 check (reserved >= 0),
    updated_at  timestamptz not null default clock_timestamp(),
    primary key (location_id, lot_id)
);
create index stock_lot_product_idx on stock_lot (location_id, product_id);
create index stock_lot_lot_idx on stock_lot (lot_id);

-- How each movement was split over lots: what it did to each lot's row. One movement, one or more lots.
create table stock_movement_lot (
    movement_id    uuid not null references stock_movement (id),
    lot_id         uuid not null references lot (id),
    location_id    uuid not null,
    product_id     uuid not null,
    on_hand_delta  integer not null,
    reserved_delta integer not null,
    primary key (movement_id, lot_id)
);
create index stock_movement_lot_lot_idx on stock_movement_lot (lot_id);

-- the lot a movement names (a receipt's new lot, a till's sale of a given lot, a transfer of a given lot)
alter table stock_movement add column lot_code text check (length(lot_code) between 1 and 40);

alter table stock_discrepancy drop constraint stock_discrepancy_reason_check;
alter table stock_discrepancy add constraint stock_discrepancy_reason_check
    check (reason in ('NEGATIVE_STOCK', 'NOT_SELLABLE', 'EXPIRED_LOT', 'RECALLED_LOT'));

-- The calendar day in Vietnam of an instant, and today's: a lot with use-by 2027-03-01 sells until 23:59:59 ICT that day.
create function ict_date(p_at timestamptz) returns date stable language sql as $$
    select (p_at at time zone 'Asia/Ho_Chi_Minh')::date
$$;
create function catalog_today() returns date stable language sql as $$
    select ict_date(now())
$$;

-- The one definition of a lot that may be sold, reserved or counted as available on a day: not recalled, and its
-- use-by date (if it has one) not passed.
create function lot_usable(p_recalled_at timestamptz, p_use_by date, p_day date) returns boolean immutable language sql as $$
    select p_recalled_at is null and (p_use_by is null or p_use_by >= p_day)
$$;

-- What a location can promise of a product today: the usable lots' units on hand and not reserved, never more than
-- the product's row there says (a lot an offline till took below zero makes the row say less).
create function stock_available(p_location uuid, p_product uuid, p_on_hand int, p_reserved int) returns int stable language sql as $$
    select greatest(0, least(p_on_hand - p_reserved, coalesce((
        select sum(greatest(0, sl.on_hand - sl.reserved))
        from stock_lot sl join lot l on l.id = sl.lot_id
        where sl.location_id = p_location and sl.product_id = p_product
          and lot_usable(l.recalled_at, l.use_by, catalog_today())), 0)))::int
$$;

-- Moves one lot at one location and records the split.
create function stock_lot_move(p_movement uuid, p_location uuid, p_product uuid, p_lot uuid, p_on_hand int, p_reserved int)
    returns void language plpgsql as $$
begin
    if p_on_hand = 0 and p_reserved = 0 then
        return;
    end if;
    -- updated first: an insert's row is checked (reserved >= 0) before its conflict is found
    update stock_lot set on_hand = on_hand + p_on_hand, reserved = reserved + p_reserved, updated_at = clock_timestamp()
    where location_id = p_location and lot_id = p_lot;
    if not found then
        insert into stock_lot (location_id, lot_id, product_id, on_hand, reserved)
        values (p_location, p_lot, p_product, p_on_hand, p_reserved);
    end if;
    insert into stock_movement_lot (movement_id, lot_id, location_id, product_id, on_hand_delta, reserved_delta)
    values (p_movement, p_lot, p_location, p_product, p_on_hand, p_reserved)
    on conflict (movement_id, lot_id) do update
        set on_hand_delta = stock_movement_lot.on_hand_delta + excluded.on_hand_delta,
            reserved_delta = stock_movement_lot.reserved_delta + excluded.reserved_delta;
end
$$;

-- The lot goods go to when nobody said which: stock found by a count, a receipt without a lot. One per product,
-- with unknown dates.
create function lot_unlabelled(p_product uuid) returns uuid language plpgsql as $$
declare
    v_lot uuid;
begin
    insert into lot (id, product_id, producer_id, code, created_by)
    select gen_random_uuid(), p.id, p.producer_id, 'KHONG-RO-LO', 'ledger' from product p where p.id = p_product
    on conflict (product_id, code) do nothing;
    select id into v_lot from lot where product_id = p_product and code = 'KHONG-RO-LO';
    return v_lot;
end
$$;

-- Splits a movement over lots (see the top of this file). Raises OC409 when a reservation or a transfer cannot be
-- covered by lots that may be sold (the movement's statement, and its transaction, then fail as a whole).
create function stock_movement_lots() returns trigger language plpgsql as $$
declare
    v_today date := catalog_today();
    v_left  int;
    v_take  int;
    v_lot   uuid;
    r       record;
begin
    if new.on_hand_delta = 0 and new.reserved_delta = 0 then
        return null;
    end if;
    if new.lot_code is not null then
        select id into v_lot from lot where product_id = new.product_id and code = new.lot_code;
        if v_lot is null then
            raise exception using errcode = 'OC404', message = 'no lot ' || new.lot_code || ' of this product';
        end if;
        if new.type in ('RESERVE', 'TRANSFER_OUT') and not exists (
                select 1 from stock_lot sl join lot l on l.id = sl.lot_id
                where sl.location_id = new.location_id and sl.lot_id = v_lot and sl.on_hand - sl.reserved >= new.quantity
                  and (new.type = 'TRANSFER_OUT' or lot_usable(l.recalled_at, l.use_by, v_today))) then
            raise exception using errcode = 'OC409', message = 'lot ' || new.lot_code || ' has fewer than ' || new.quantity || ' available here';
        end if;
        perform stock_lot_move(new.id, new.location_id, new.product_id, v_lot, new.on_hand_delta, new.reserved_delta);
    elsif new.type = 'TRANSFER_IN' and exists (
            select 1 from stock_movement m where m.reference = new.reference and m.type = 'TRANSFER_OUT' and m.product_id = new.product_id) then
        -- the goods that left the other location arrive: the same lots
        for r in select sml.lot_id, -sml.on_hand_delta as q from stock_movement m join stock_movement_lot sml on sml.movement_id = m.id
                 where m.reference = new.reference and m.type = 'TRANSFER_OUT' and m.product_id = new.product_id order by sml.lot_id loop
            perform stock_lot_move(new.id, new.location_id, new.product_id, r.lot_id, r.q, 0);
        end loop;
    elsif new.reserved_delta < 0 then
        -- a release or a hand-over: the lots this reference set aside first, then any set aside here, earliest use-by first
        v_left := -new.reserved_delta;
        for r in select sl.lot_id, least(sl.reserved, greatest(0, coalesce(mine.q, 0))) as own, sl.reserved
                 from stock_lot sl join lot l on l.id = sl.lot_id
                 left join (select sml.lot_id, sum(sml.reserved_delta) as q from stock_movement m
                            join stock_movement_lot sml on sml.movement_id = m.id
                            where m.reference = new.reference and m.location_id = new.location_id and m.product_id = new.product_id
                            group by sml.lot_id) mine on mine.lot_id = sl.lot_id
                 where sl.location_id = new.location_id and sl.product_id = new.product_id and sl.reserved > 0
                 order by (coalesce(mine.q, 0) > 0) desc, l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.reserved);
            perform stock_lot_move(new.id, new.location_id, new.product_id, r.lot_id,
                                   case when new.on_hand_delta < 0 then -v_take else 0 end, -v_take);
            v_left := v_left - v_take;
        end loop;
        if v_left > 0 then
            raise exception using errcode = 'OC409', message = 'fewer than ' || -new.reserved_delta || ' reserved here';
        end if;
    elsif new.reserved_delta > 0 or new.type = 'TRANSFER_OUT' or new.on_hand_delta < 0 then
        -- taking goods (a reservation, a transfer out, a sale, a count that found fewer): earliest use-by first among
        -- the lots that may be sold, as many as each has available
        v_left := greatest(new.reserved_delta, -new.on_hand_delta);
        for r in select sl.lot_id, sl.on_hand - sl.reserved as available
                 from stock_lot sl join lot l on l.id = sl.lot_id
                 where sl.location_id = new.location_id and sl.product_id = new.product_id
                   and sl.on_hand - sl.reserved > 0 and lot_usable(l.recalled_at, l.use_by, v_today)
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.available);
            perform stock_lot_move(new.id, new.location_id, new.product_id, r.lot_id,
                                   case when new.on_hand_delta < 0 then -v_take else 0 end, case when new.reserved_delta > 0 then v_take else 0 end);
            v_left := v_left - v_take;
        end loop;
        if v_left > 0 and (new.reserved_delta > 0 or new.type = 'TRANSFER_OUT') then
            raise exception using errcode = 'OC409', message = 'fewer than ' || new.quantity || ' available here in lots that may be sold';
        end if;
        if v_left > 0 then
            -- a sale or a count is never refused: what the lots do not cover comes off the first lot held here (it goes
            -- below zero and the sale is flagged, as the product's row does), else the unlabelled lot
            select sl.lot_id into v_lot from stock_lot sl join lot l on l.id = sl.lot_id
            where sl.location_id = new.location_id and sl.product_id = new.product_id
            order by lot_usable(l.recalled_at, l.use_by, v_today) desc, (sl.on_hand - sl.reserved > 0) desc,
                     l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id
            limit 1;
            perform stock_lot_move(new.id, new.location_id, new.product_id, coalesce(v_lot, lot_unlabelled(new.product_id)), -v_left, 0);
        end if;
    else
        -- goods arriving without a lot (a count that found more, a receipt without a lot): the first lot held here
        -- that may be sold, else the unlabelled lot
        select sl.lot_id into v_lot from stock_lot sl join lot l on l.id = sl.lot_id
        where sl.location_id = new.location_id and sl.product_id = new.product_id and lot_usable(l.recalled_at, l.use_by, v_today)
        order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id
        limit 1;
        perform stock_lot_move(new.id, new.location_id, new.product_id, coalesce(v_lot, lot_unlabelled(new.product_id)),
                               new.on_hand_delta, new.reserved_delta);
    end if;
    -- a sale of a lot past its use-by on the day it was sold, or of a recalled lot, is applied and flagged for staff
    if new.type = 'SALE' then
        insert into stock_discrepancy (id, movement_id, location_id, product_id, reason, on_hand_after)
        select gen_random_uuid(), new.id, new.location_id, new.product_id, x.reason,
               (select s.on_hand from stock s where s.location_id = new.location_id and s.product_id = new.product_id)
        from (select distinct case when l.recalled_at is not null and l.recalled_at <= new.occurred_at then 'RECALLED_LOT'
                                   else 'EXPIRED_LOT' end as reason
              from stock_movement_lot sml join lot l on l.id = sml.lot_id
              where sml.movement_id = new.id
                and ((l.recalled_at is not null and l.recalled_at <= new.occurred_at) or l.use_by < ict_date(new.occurred_at))) x
        on conflict (movement_id, reason) do nothing;
    end if;
    return null;
end
$$;

create trigger stock_movement_lots after insert on stock_movement
    for each row execute function stock_movement_lots();

-- Existing stock becomes one lot per stock row, with unknown dates ("TON-" and the start of the location's id), and
-- every movement already in the ledger is split onto it, so the ledger sums to each lot's stock from the start.
create temporary table opening_lot on commit drop as
select s.location_id, s.product_id, gen_random_uuid() as lot_id, p.producer_id,
       'TON-' || upper(left(replace(s.location_id::text, '-', ''), 12)) as code
from stock s join product p on p.id = s.product_id;

insert into lot (id, product_id, producer_id, code, created_by)
select lot_id, product_id, producer_id, code, 'migration' from opening_lot;

insert into stock_lot (location_id, lot_id, product_id, on_hand, reserved)
select o.location_id, o.lot_id, o.product_id, s.on_hand, s.reserved
from opening_lot o join stock s on s.location_id = o.location_id and s.product_id = o.product_id;

insert into stock_movement_lot (movement_id, lot_id, location_id, product_id, on_hand_delta, reserved_delta)
select m.id, o.lot_id, m.location_id, m.product_id, m.on_hand_delta, m.reserved_delta
from stock_movement m join opening_lot o on o.location_id = m.location_id and o.product_id = m.product_id
where m.on_hand_delta <> 0 or m.reserved_delta <> 0;
