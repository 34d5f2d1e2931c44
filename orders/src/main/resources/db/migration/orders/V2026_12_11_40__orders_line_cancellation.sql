-- A line of an order can be cancelled alone (a recalled lot that no other lot could replace): the line stays on the
-- order, marked with why and when, and is neither sent nor due; the history says which line.
alter table order_line add column cancel_reason text, add column cancelled_at timestamptz,
    add constraint order_line_cancelled_whole check ((cancel_reason is null) = (cancelled_at is null));
alter table order_event add column line_no integer;
alter table order_event drop constraint order_event_kind_check;
alter table order_event add constraint order_event_kind_check check (kind in ('PLACED', 'AWAITING_PAYMENT', 'PAID', 'CONFIRMED',
    'READY_FOR_PICKUP', 'SHIPPED', 'DELIVERED', 'HANDED_OVER', 'CANCELLED', 'LINE_CANCELLED'));
