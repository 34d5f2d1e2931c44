-- Lots, per statement (issue 18): the ledger's lots trigger ran once per movement, a PL/pgSQL call with four or five
-- statements of its own (catalog_today, the FEFO read, the lot's row, the split's row, the sale's flag check), and was
-- most of a till batch's time in PostgreSQL (about 0.1 to 0.3 ms a movement, 5 to 16 ms a batch of 50, the flag
-- check alone up to two thirds of it when its plan scanned every lot). Now it runs once per statement, over the
-- statement's new movements (a transition table), and settles the common case in a few set-based statements: the
-- plain sales of one product at one location (no lot named, nothing reserved) that one lot can cover, which is what a
-- till's batch is made of. Every other movement, and any group that one lot cannot cover, goes through the same rule
-- as before, one movement at a time (stock_movement_split, the former trigger's body), now in the order they happened:
-- the row trigger took a batch's movements in the order the statement wrote them, sorted by product and id for the
-- stock rows' locks, so when lots ran short the sales of one batch could split differently from the same sales
-- synced one at a time.
--
-- Why a group may take one lot whole: an unnamed sale takes, earliest use-by first, the lots with units available that
-- could be sold when it was made (lot_usable_at). Whether a lot could be sold only ever changes from yes to no (a recall,
-- a use-by passing), so the first such lot for the group's earliest sale comes before or is the first for every later
-- one; if it could still be sold at the group's latest sale and holds the whole group's units, each sale in turn takes
-- it, exactly as one at a time would, and none of them took a lot it could not be sold from (no flag).

-- The former trigger's body, for one movement: what any movement outside the set-based case goes through.
create function stock_movement_split(mov stock_movement) returns void language plpgsql as $$
declare
    v_today date := catalog_today();
    -- a till's sale took what was on the shelf when it was made, which may have been hours or days before it is synced
    v_sale  boolean := mov.type = 'SALE';
    -- whether a sale may have taken a lot it could not be sold from (checked, and flagged, at the end): not when lots
    -- usable at the moment it was made covered it
    v_check boolean := true;
    v_left  int;
    v_take  int;
    v_lot   uuid;
    r       record;
begin
    if mov.on_hand_delta = 0 and mov.reserved_delta = 0 then
        return;
    end if;
    if mov.lot_code is not null then
        select id into v_lot from lot where product_id = mov.product_id and code = mov.lot_code;
        if v_lot is null then
            raise exception using errcode = 'OC404', message = 'no lot ' || mov.lot_code || ' of this product';
        end if;
        if mov.type in ('RESERVE', 'TRANSFER_OUT') and not exists (
                select 1 from stock_lot sl join lot l on l.id = sl.lot_id
                where sl.location_id = mov.location_id and sl.lot_id = v_lot and sl.on_hand - sl.reserved >= mov.quantity
                  and (mov.type = 'TRANSFER_OUT' or lot_usable(l.recalled_at, l.use_by, v_today))) then
            raise exception using errcode = 'OC409', message = 'lot ' || mov.lot_code || ' has fewer than ' || mov.quantity || ' available here';
        end if;
        perform stock_lot_move(mov.id, mov.location_id, mov.product_id, v_lot, mov.on_hand_delta, mov.reserved_delta);
    elsif mov.type = 'TRANSFER_IN' and exists (
            select 1 from stock_movement m where m.reference = mov.reference and m.type = 'TRANSFER_OUT' and m.product_id = mov.product_id) then
        -- the goods that left the other location arrive: the same lots
        for r in select sml.lot_id, -sml.on_hand_delta as q from stock_movement m join stock_movement_lot sml on sml.movement_id = m.id
                 where m.reference = mov.reference and m.type = 'TRANSFER_OUT' and m.product_id = mov.product_id order by sml.lot_id loop
            perform stock_lot_move(mov.id, mov.location_id, mov.product_id, r.lot_id, r.q, 0);
        end loop;
    elsif mov.reserved_delta < 0 then
        -- a release or a hand-over: first the lots this reference set aside here, of each no more than it set aside
        -- (so an order hands over its own lots, not another order's), then any other units set aside here, earliest
        -- use-by first
        v_left := -mov.reserved_delta;
        for r in select sl.lot_id, least(sl.reserved, mine.q) as own
                 from (select sml.lot_id, sum(sml.reserved_delta) as q from stock_movement m
                       join stock_movement_lot sml on sml.movement_id = m.id
                       where m.reference = mov.reference and m.location_id = mov.location_id and m.product_id = mov.product_id
                       group by sml.lot_id) mine
                 join stock_lot sl on sl.location_id = mov.location_id and sl.lot_id = mine.lot_id
                 join lot l on l.id = sl.lot_id
                 where mine.q > 0 and sl.reserved > 0
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.own);
            perform stock_lot_move(mov.id, mov.location_id, mov.product_id, r.lot_id,
                                   case when mov.on_hand_delta < 0 then -v_take else 0 end, -v_take);
            v_left := v_left - v_take;
        end loop;
        -- read again: the loop above took from these rows
        for r in select sl.lot_id, sl.reserved
                 from stock_lot sl join lot l on l.id = sl.lot_id
                 where sl.location_id = mov.location_id and sl.product_id = mov.product_id and sl.reserved > 0
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.reserved);
            perform stock_lot_move(mov.id, mov.location_id, mov.product_id, r.lot_id,
                                   case when mov.on_hand_delta < 0 then -v_take else 0 end, -v_take);
            v_left := v_left - v_take;
        end loop;
        if v_left > 0 then
            raise exception using errcode = 'OC409', message = 'fewer than ' || -mov.reserved_delta || ' reserved here';
        end if;
    elsif mov.reserved_delta > 0 or mov.type = 'TRANSFER_OUT' or mov.on_hand_delta < 0 then
        -- taking goods (a reservation, a transfer out, a sale, a count that found fewer): earliest use-by first among
        -- the lots that may be sold, as many as each has available
        v_left := greatest(mov.reserved_delta, -mov.on_hand_delta);
        for r in select sl.lot_id, sl.on_hand - sl.reserved as available
                 from stock_lot sl join lot l on l.id = sl.lot_id
                 where sl.location_id = mov.location_id and sl.product_id = mov.product_id
                   and sl.on_hand - sl.reserved > 0
                   and case when v_sale then lot_usable_at(l.recalled_at, l.use_by, mov.occurred_at)
                            else lot_usable(l.recalled_at, l.use_by, v_today) end
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.available);
            perform stock_lot_move(mov.id, mov.location_id, mov.product_id, r.lot_id,
                                   case when mov.on_hand_delta < 0 then -v_take else 0 end, case when mov.reserved_delta > 0 then v_take else 0 end);
            v_left := v_left - v_take;
        end loop;
        v_check := v_left > 0;
        if v_left > 0 and (mov.reserved_delta > 0 or mov.type = 'TRANSFER_OUT') then
            raise exception using errcode = 'OC409', message = 'fewer than ' || mov.quantity || ' available here in lots that may be sold';
        end if;
        if v_left > 0 then
            -- a sale or a count is never refused: what the lots do not cover comes off the first lot held here (it goes
            -- below zero and the sale is flagged, as the product's row does), else the unlabelled lot
            select sl.lot_id into v_lot from stock_lot sl join lot l on l.id = sl.lot_id
            where sl.location_id = mov.location_id and sl.product_id = mov.product_id
            order by case when v_sale then lot_usable_at(l.recalled_at, l.use_by, mov.occurred_at)
                          else lot_usable(l.recalled_at, l.use_by, v_today) end desc, (sl.on_hand - sl.reserved > 0) desc,
                     l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id
            limit 1;
            perform stock_lot_move(mov.id, mov.location_id, mov.product_id, coalesce(v_lot, lot_unlabelled(mov.product_id)), -v_left, 0);
        end if;
    else
        -- goods arriving without a lot (a count that found more, a receipt without a lot): the first lot held here
        -- that may be sold, else the unlabelled lot
        select sl.lot_id into v_lot from stock_lot sl join lot l on l.id = sl.lot_id
        where sl.location_id = mov.location_id and sl.product_id = mov.product_id and lot_usable(l.recalled_at, l.use_by, v_today)
        order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id
        limit 1;
        perform stock_lot_move(mov.id, mov.location_id, mov.product_id, coalesce(v_lot, lot_unlabelled(mov.product_id)),
                               mov.on_hand_delta, mov.reserved_delta);
    end if;
    -- a sale of a lot past its use-by on the day it was sold, or of a recalled lot, is applied and flagged for staff
    if v_sale and v_check then
        insert into stock_discrepancy (id, movement_id, location_id, product_id, reason, on_hand_after)
        select gen_random_uuid(), mov.id, mov.location_id, mov.product_id, x.reason,
               (select s.on_hand from stock s where s.location_id = mov.location_id and s.product_id = mov.product_id)
        from (select distinct case when l.recalled_at is not null and l.recalled_at <= mov.occurred_at then 'RECALLED_LOT'
                                   else 'EXPIRED_LOT' end as reason
              from stock_movement_lot sml join lot l on l.id = sml.lot_id
              where sml.movement_id = mov.id
                and ((l.recalled_at is not null and l.recalled_at <= mov.occurred_at) or l.use_by < ict_date(mov.occurred_at))) x
        on conflict (movement_id, reason) do nothing;
    end if;
    return;
end
$$;

create function stock_movement_lots_of_statement() returns trigger language plpgsql as $$
declare
    m stock_movement;
begin
    -- the plain sales of one product at one location, when one lot covers them all: one row per movement, one per lot
    with grp as (
        select a.location_id, a.product_id, sum(-a.on_hand_delta)::int as units,
               min(a.occurred_at) as first_at, max(a.occurred_at) as last_at
        from added a
        where a.on_hand_delta <> 0 or a.reserved_delta <> 0
        group by a.location_id, a.product_id
        having bool_and(a.type = 'SALE' and a.lot_code is null and a.reserved_delta = 0 and a.on_hand_delta < 0)),
    covered as (
        select g.location_id, g.product_id, g.units, f.lot_id
        from grp g
        cross join lateral (
            select sl.lot_id, sl.on_hand - sl.reserved as available, lot_usable_at(l.recalled_at, l.use_by, g.last_at) as usable_to_the_last
            from stock_lot sl join lot l on l.id = sl.lot_id
            where sl.location_id = g.location_id and sl.product_id = g.product_id
              and sl.on_hand - sl.reserved > 0
              and lot_usable_at(l.recalled_at, l.use_by, g.first_at)
            order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id
            limit 1) f
        where f.usable_to_the_last and f.available >= g.units),
    taken as (
        update stock_lot sl set on_hand = sl.on_hand - c.units, updated_at = clock_timestamp()
        from covered c
        where sl.location_id = c.location_id and sl.lot_id = c.lot_id
        returning sl.location_id, sl.lot_id)
    insert into stock_movement_lot (movement_id, lot_id, location_id, product_id, on_hand_delta, reserved_delta)
    select a.id, c.lot_id, a.location_id, a.product_id, a.on_hand_delta, 0
    from added a
    join covered c on c.location_id = a.location_id and c.product_id = a.product_id
    join taken t on t.location_id = c.location_id and t.lot_id = c.lot_id
    where a.on_hand_delta <> 0;

    -- the rest, one at a time in the order they happened (a till's batch comes sorted by product for its locks, not in
    -- the order it was rung up), those of the same moment in the order written
    for m in select a.* from added a
             where (a.on_hand_delta <> 0 or a.reserved_delta <> 0)
               and not exists (select 1 from stock_movement_lot sml where sml.movement_id = a.id)
             order by a.occurred_at, a.seq loop
        perform stock_movement_split(m);
    end loop;
    return null;
end
$$;

drop trigger stock_movement_lots on stock_movement;
drop function stock_movement_lots();
create trigger stock_movement_lots after insert on stock_movement
    referencing new table as added for each statement execute function stock_movement_lots_of_statement();
