-- Lots (issue 19): a till's sale takes its lots as they stood when it was made. A sale rung up yesterday evening at an
-- offline till, from a lot whose use-by was yesterday, reached the server today: the trigger chose lots by today's
-- rule, passed over the lot the cashier sold (expired today) and took another, so the lot that left the shelf kept
-- its units in the books and one that stayed lost them. Now an unnamed SALE takes, earliest use-by first, the lots
-- that could be sold at the moment it was made (not recalled by then, use-by not passed on its day in ICT), and is
-- flagged EXPIRED_LOT or RECALLED_LOT only when it had to take a lot that could not. Everything else still takes lots
-- by today's rule. Only the function changes; the trigger that calls it stays.

-- Whether a lot could be sold at an instant: not recalled by then, its use-by not passed on that day in Vietnam.
create function lot_usable_at(p_recalled_at timestamptz, p_use_by date, p_at timestamptz) returns boolean stable language sql as $$
    select (p_recalled_at is null or p_recalled_at > p_at) and (p_use_by is null or p_use_by >= ict_date(p_at))
$$;

create or replace function stock_movement_lots() returns trigger language plpgsql as $$
declare
    v_today date := catalog_today();
    -- a till's sale took what was on the shelf when it was made, which may have been hours or days before it is synced
    v_sale  boolean := new.type = 'SALE';
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
        -- a release or a hand-over: first the lots this reference set aside here, of each no more than it set aside
        -- (so an order hands over its own lots, not another order's), then any other units set aside here, earliest
        -- use-by first
        v_left := -new.reserved_delta;
        for r in select sl.lot_id, least(sl.reserved, mine.q) as own
                 from (select sml.lot_id, sum(sml.reserved_delta) as q from stock_movement m
                       join stock_movement_lot sml on sml.movement_id = m.id
                       where m.reference = new.reference and m.location_id = new.location_id and m.product_id = new.product_id
                       group by sml.lot_id) mine
                 join stock_lot sl on sl.location_id = new.location_id and sl.lot_id = mine.lot_id
                 join lot l on l.id = sl.lot_id
                 where mine.q > 0 and sl.reserved > 0
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
            exit when v_left = 0;
            v_take := least(v_left, r.own);
            perform stock_lot_move(new.id, new.location_id, new.product_id, r.lot_id,
                                   case when new.on_hand_delta < 0 then -v_take else 0 end, -v_take);
            v_left := v_left - v_take;
        end loop;
        -- read again: the loop above took from these rows
        for r in select sl.lot_id, sl.reserved
                 from stock_lot sl join lot l on l.id = sl.lot_id
                 where sl.location_id = new.location_id and sl.product_id = new.product_id and sl.reserved > 0
                 order by l.use_by nulls last, l.produced_on nulls last, l.created_at, l.id loop
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
                   and sl.on_hand - sl.reserved > 0
                   and case when v_sale then lot_usable_at(l.recalled_at, l.use_by, new.occurred_at)
                            else lot_usable(l.recalled_at, l.use_by, v_today) end
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
            order by case when v_sale then lot_usable_at(l.recalled_at, l.use_by, new.occurred_at)
                          else lot_usable(l.recalled_at, l.use_by, v_today) end desc, (sl.on_hand - sl.reserved > 0) desc,
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
