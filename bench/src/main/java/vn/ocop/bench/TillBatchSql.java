package vn.ocop.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.ocop.bench.SyncClient.MovementJson;

/**
 * One till batch as the app sends it to PostgreSQL, statement for statement and in the same order, over plain JDBC:
 * what the "database limit" row drives. The statements were read from the embedded PostgreSQL's log with every
 * statement logged ({@code bench tills --statement-log FILE}, 2026-12-06) and their text is copied from the app:
 * <ol>
 * <li>{@code TillKeys.authenticate}: the till key by its SHA-256 and location, with the location;</li>
 * <li>{@code StockQueries.productsOn}: the batch's products' producers and
 * today's sale status, and {@code sellableOn} for each other day the batch's sales happened (none unless the run is near midnight);</li>
 * <li>{@code BulkMovements.apply}: every movement at once, lots named for the first time created, duplicates skipped
 * (its triggers add the SALEs to the {@code product_sales} shard of the connection and split each movement over lots),
 * each touched stock row moved once and the sales' discrepancies flagged, in one statement on its own (no
 * BEGIN/COMMIT: a batch without rejections, as every batch here);</li>
 * <li>the answer, one statement ({@code TillAnswers}): the version, the location's stock and which of it changed since
 * the till's version, the pickups, the recalled lots and the lots trigger's flags on the batch's sales;</li>
 * <li>{@code MoneyRows.append}'s insert of the applied sales as the apply statement returned them, which takes the
 * producers' shared advisory locks in the same statement (left out when no sale applied).</li>
 * </ol>
 * Not here: HTTP, the till's JSON, the answer's JSON, validation and the app's own work between statements.
 */
final class TillBatchSql {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String AUTHENTICATE = "select k.id as key_id, k.label, k.created_at, k.revoked_at, l.id, l.kind, l.name, l.province, l.address, "
            + "l.latitude, l.longitude, l.opening_hours, l.pickup_allowed, l.producer_id from till_key k join location l on l.id = k.location_id "
            + "where k.key_hash = ? and k.location_id = ? and k.revoked_at is null";
    private static final String PRODUCTS_ON = """
            select p.id, p.producer_id, (r.product_id is not null) as sellable
            from product p left join sellable_ranking(?) r on r.product_id = p.id
            where p.id = any(?)""";
    private static final String APPLY = """
            with lots as (
                insert into lot (id, product_id, producer_id, code, produced_on, use_by, created_by)
                select distinct on (p.id, m.code) gen_random_uuid(), p.id, p.producer_id, m.code, nullif(m.produced, '')::date,
                       nullif(m.use_by, '')::date, ?
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as m(product, type, code, produced, use_by)
                join product p on p.id = m.product
                where m.code <> ''
                order by p.id, m.code, (m.type = 'RECEIPT') desc
                on conflict (product_id, code) do nothing
                returning product_id, code),
            added as (
                insert into stock_movement (id, type, location_id, product_id, producer_id, quantity, on_hand_delta,
                                            reserved_delta, expected, counted, reference, recorded_by, device_id, note, occurred_at,
                                            unit_price_vnd, lot_code)
                select m.id, m.type, ?, p.id, p.producer_id, m.quantity, m.on_hand, 0, nullif(m.expected, '')::int,
                       nullif(m.counted, '')::int, nullif(m.reference, ''), ?, ?, nullif(m.note, ''), m.at::timestamptz,
                       case when m.type = 'SALE' then coalesce(nullif(m.price, '')::bigint, p.price_vnd) end, nullif(m.lot, '')
                from unnest(?::uuid[], ?::text[], ?::uuid[], ?::int[], ?::int[], ?::text[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     with ordinality as m(id, type, product, quantity, on_hand, expected, counted, reference, note, at, price, lot, ord)
                join product p on p.id = m.product
                order by m.ord
                on conflict (id) do nothing
                returning id, type, product_id, producer_id, quantity, on_hand_delta, lot_code, unit_price_vnd, occurred_at, applied_at),
            moved as (
                insert into stock (location_id, product_id, on_hand, reserved, updated_at)
                select ?, a.product_id, sum(a.on_hand_delta)::int, 0, clock_timestamp()
                from added a
                group by a.product_id
                order by a.product_id
                on conflict (location_id, product_id) do update
                    set on_hand = stock.on_hand + excluded.on_hand, updated_at = excluded.updated_at
                returning product_id, on_hand),
            flagged as (
                insert into stock_discrepancy (id, movement_id, location_id, product_id, reason, on_hand_after)
                select gen_random_uuid(), a.id, ?, a.product_id, r.reason, mv.on_hand
                from added a
                join moved mv on mv.product_id = a.product_id
                join unnest(?::uuid[], ?::bool[]) as u(id, unsellable) on u.id = a.id
                cross join lateral (values ('NEGATIVE_STOCK', mv.on_hand < 0), ('NOT_SELLABLE', u.unsellable),
                                           ('UNKNOWN_LOT', a.lot_code is not null
                                                and exists (select 1 from lots nl where nl.product_id = a.product_id and upper(nl.code) = upper(a.lot_code))
                                                and not exists (select 1 from unnest(?::uuid[], ?::text[], ?::text[]) as rc(product, type, code)
                                                                where rc.product = a.product_id and rc.type = 'RECEIPT' and upper(rc.code) = upper(a.lot_code))))
                    as r(reason, applies)
                where a.type = 'SALE' and r.applies
                order by a.id, r.reason
                on conflict (movement_id, reason) do nothing
                returning movement_id, reason)
            select a.id, a.product_id, mv.on_hand, array(select f.reason from flagged f where f.movement_id = a.id order by f.reason) as flags,
                   a.type, a.producer_id, p.name, p.ocop_group, a.quantity, a.unit_price_vnd, a.occurred_at, a.applied_at,
                   l.id as location_id, l.kind as location_kind
            from added a join moved mv on mv.product_id = a.product_id join product p on p.id = a.product_id
            join location l on l.id = ?""";
    private static final String SELLABLE = "select product_id from sellable_ranking(?) where product_id = any(?)";
    /**
     * {@code TillAnswers}: the answer in one statement (the version, the stock and which of it changed since the till's
     * version, the pickups, the recalled lots, the lot flags on the batch's sales); parameters in order: xid, since, today,
     * since, today, today, xid, location, location, location, xid, xid, sales.
     */
    private static final String ANSWER = """
            with changed as (
                select v.product_id from product_change_version v where v.last_xid >= (?::text)::xid8
                union
                select c.product_id from certification c
                where (c.issued_on > ? and c.issued_on <= ?) or (c.valid_until >= ? and c.valid_until < ?))
            select 0 as part, 0::bigint as ord,
                   coalesce((select min(x) from pg_snapshot_xip(pg_current_snapshot()) x), pg_snapshot_xmax(pg_current_snapshot()))::text as xmin,
                   pg_current_xact_id_if_assigned()::text as own,
                   null::uuid as product_id, null::text as name, null::uuid as producer_id, null::bigint as price_vnd,
                   null::int as on_hand, null::int as reserved, null::int as available, null::boolean as sellable, null::boolean as changed,
                   null::text as reference, null::int as quantity, null::text as code, null::timestamptz as at, null::text as reason,
                   null::uuid as movement_id
            union all
            select 1, row_number() over (order by p.name, s.product_id), null, null,
                   s.product_id, p.name, p.producer_id, p.price_vnd, s.on_hand, s.reserved,
                   greatest(0, least(s.on_hand - s.reserved, coalesce((
                       select sum(greatest(0, avail_sl.on_hand - avail_sl.reserved))
                       from stock_lot avail_sl join lot avail_lot on avail_lot.id = avail_sl.lot_id
                       where avail_sl.location_id = s.location_id and avail_sl.product_id = s.product_id
                         and lot_usable(avail_lot.recalled_at, avail_lot.use_by, catalog_today())), 0))),
                   (r.product_id is not null),
                   (cast(? as text) is null or s.product_id in (select product_id from changed)),
                   null, null, null, null, null, null
            from stock s
            join product p on p.id = s.product_id
            left join sellable_ranking(?) r on r.product_id = s.product_id
            where s.location_id = ?
            union all
            select 2, row_number() over (order by m.reference, p.name), null, null,
                   m.product_id, p.name, null, null, null, null, null, null, null,
                   m.reference, sum(m.reserved_delta)::int, null, null, null, null
            from stock_movement m join product p on p.id = m.product_id
            where m.location_id = ? and m.reference is not null and m.reserved_delta <> 0
            group by m.reference, m.product_id, p.name
            having sum(m.reserved_delta) > 0
            union all
            select 3, row_number() over (order by l.recalled_at, l.product_id, l.code), null, null,
                   l.product_id, null, null, null, null, null, null, null, null,
                   null, null, l.code, l.recalled_at, l.recall_reason, null
            from lot l
            where l.recalled_at is not null
              and l.product_id in (select s.product_id from stock s where s.location_id = ?)
              and (cast(? as text) is null or l.product_id in (select v.product_id from product_change_version v where v.last_xid >= (?::text)::xid8))
            union all
            select 4, row_number() over (order by d.movement_id, d.reason), null, null,
                   null, null, null, null, null, null, null, null, null,
                   null, null, null, null, d.reason, d.movement_id
            from stock_discrepancy d
            where d.movement_id = any(?) and d.reason in ('EXPIRED_LOT', 'RECALLED_LOT')
            order by part, ord""";
    private static final String MONEY_INSERT = """
            with locked as (
                select count(pg_advisory_xact_lock_shared(hashtextextended('money:' || p::text, 0))) as producers
                from unnest(?::uuid[]) as x(p))
            insert into money_event (id, kind, producer_id, order_id, fulfilment_id, movement_id, channel, location_id, ocop_group, goods_vnd, shipping_vnd,
            amount_vnd, holder, holder_location_id, priced_on, occurred_at, reference, source, recorded_by)
            select e.id, e.kind, e.producer, nullif(e.ord, '')::uuid, nullif(e.fulfilment, '')::uuid, nullif(e.movement, '')::uuid,
                   nullif(e.channel, ''), nullif(e.location, '')::uuid, nullif(e.grp, ''), e.goods, e.shipping, e.amount, e.holder,
                   nullif(e.holder_location, '')::uuid, e.priced_on, e.occurred_at, nullif(e.reference, ''), nullif(e.source, ''), ?
            from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::text[], ?::text[], ?::date[], ?::timestamptz[], ?::text[],
                        ?::text[])
                 as e(id, kind, producer, ord, fulfilment, movement, channel, location, grp, goods, shipping, amount, holder,
                      holder_location, priced_on, occurred_at, reference, source)
            cross join locked
            order by e.id
            on conflict (id) do nothing""";

    /** What one batch did: movements applied, and the version the till learns. */
    record Applied(int applied, long xmin) {
    }

    private TillBatchSql() {
    }

    /** One batch on this connection (autocommit on), as the app does it; {@code sinceXmin} below 0: the till has no version yet. */
    static Applied send(Connection c, UUID location, String keyHash, String device, List<MovementJson> batch, long sinceXmin) throws SQLException {
        LocalDate today = LocalDate.now(VIETNAM);
        rows(c, AUTHENTICATE, keyHash, location);
        Map<LocalDate, Set<UUID>> sellable = new TreeMap<>();
        sellable.put(today, new HashSet<>());
        for (Object[] row : rows(c, PRODUCTS_ON, today, c.createArrayOf("uuid", batch.stream().map(MovementJson::productId).distinct().toArray()))) {
            if (Boolean.TRUE.equals(row[2])) {
                sellable.get(today).add((UUID) row[0]);
            }
        }
        Map<LocalDate, Set<UUID>> otherDays = new TreeMap<>();
        batch.stream().filter(m -> "SALE".equals(m.type())).forEach(m -> {
            if (!day(m).equals(today)) {
                otherDays.computeIfAbsent(day(m), d -> new java.util.LinkedHashSet<>()).add(m.productId());
            }
        });
        for (Map.Entry<LocalDate, Set<UUID>> day : otherDays.entrySet()) {
            Set<UUID> onSale = new HashSet<>();
            rows(c, SELLABLE, day.getKey(), c.createArrayOf("uuid", day.getValue().toArray())).forEach(r -> onSale.add((UUID) r[0]));
            sellable.put(day.getKey(), onSale);
        }
        Set<UUID> unsellable = new HashSet<>();
        batch.stream().filter(m -> "SALE".equals(m.type()) && !sellable.get(day(m)).contains(m.productId())).forEach(m -> unsellable.add(m.id()));
        List<Object[]> appliedRows = apply(c, location, device, batch, unsellable);
        Set<UUID> applied = new HashSet<>();
        appliedRows.forEach(r -> applied.add((UUID) r[0]));
        List<UUID> sales = batch.stream().filter(m -> "SALE".equals(m.type()) && applied.contains(m.id())).map(MovementJson::id).toList();
        String since = sinceXmin >= 0 ? Long.toString(sinceXmin) : null;
        LocalDate sinceDay = sinceXmin >= 0 ? today : null;
        List<Object[]> answer = rows(c, ANSWER, since, sinceDay, today, sinceDay, today, since, today, location, location, location, since, since,
                c.createArrayOf("uuid", sales.toArray()));
        long xmin = Long.parseLong((String) answer.get(0)[2]);
        List<Object[]> sold = appliedRows.stream().filter(r -> "SALE".equals(r[4])).toList();
        if (!sold.isEmpty()) {
            money(c, location, sold);
        }
        return new Applied(applied.size(), xmin);
    }

    private static LocalDate day(MovementJson m) {
        return OffsetDateTime.parse(m.occurredAt()).atZoneSameInstant(VIETNAM).toLocalDate();
    }

    /** The statement's rows: id, product, on hand, flags, type, producer, name, group, quantity, unit price, occurred at, applied at. */
    private static List<Object[]> apply(Connection c, UUID location, String device, List<MovementJson> batch, Set<UUID> unsellable) throws SQLException {
        List<MovementJson> sorted = batch.stream().sorted(Comparator.comparing(MovementJson::productId).thenComparing(MovementJson::id)).toList();
        String[] empty = sorted.stream().map(m -> "").toArray(String[]::new);
        String by = "till " + device;
        java.sql.Array ids = c.createArrayOf("uuid", sorted.stream().map(MovementJson::id).toArray());
        java.sql.Array types = c.createArrayOf("text", sorted.stream().map(MovementJson::type).toArray());
        java.sql.Array products = c.createArrayOf("uuid", sorted.stream().map(MovementJson::productId).toArray());
        // the simulated tills name no lot: the lots are chosen by the trigger, earliest use-by first
        java.sql.Array noLots = c.createArrayOf("text", empty);
        return rows(c, APPLY, by, products, types, noLots, c.createArrayOf("text", empty), c.createArrayOf("text", empty),
                location, by, device,
                ids, types, products,
                c.createArrayOf("int4", sorted.stream().map(MovementJson::quantity).toArray()),
                c.createArrayOf("int4", sorted.stream().map(m -> "SALE".equals(m.type()) ? -m.quantity() : m.quantity()).toArray()),
                c.createArrayOf("text", empty), c.createArrayOf("text", empty), c.createArrayOf("text", empty), c.createArrayOf("text", empty),
                c.createArrayOf("text", sorted.stream().map(MovementJson::occurredAt).toArray()), c.createArrayOf("text", empty), noLots,
                location,
                location, ids,
                c.createArrayOf("bool", sorted.stream().map(m -> unsellable.contains(m.id())).toArray()),
                products, types, noLots,
                location);
    }

    /** {@code TillMoney.append}: one TILL_SALE event per sale under the producers' shared locks, one statement. */
    private static void money(Connection c, UUID location, List<Object[]> sales) throws SQLException {
        List<Object[]> sorted = new ArrayList<>(sales);
        sorted.sort(Comparator.comparing(s -> eventId((UUID) s[0])));
        int n = sorted.size();
        Object[] ids = new Object[n], kinds = new Object[n], producers = new Object[n], blank = new Object[n], movements = new Object[n],
                channels = new Object[n], locations = new Object[n], groups = new Object[n], goods = new Object[n], zeros = new Object[n],
                holders = new Object[n], pricedOns = new Object[n], ats = new Object[n], references = new Object[n];
        for (int i = 0; i < n; i++) {
            Object[] s = sorted.get(i);
            long total = ((Number) s[8]).longValue() * ((Number) s[9]).longValue();
            OffsetDateTime at = ((java.sql.Timestamp) s[10]).toInstant().atOffset(java.time.ZoneOffset.UTC);
            ids[i] = eventId((UUID) s[0]);
            kinds[i] = "TILL_SALE";
            producers[i] = s[5];
            blank[i] = "";
            movements[i] = s[0].toString();
            channels[i] = "TILL";
            locations[i] = location.toString();
            groups[i] = s[7];
            goods[i] = total;
            zeros[i] = 0L;
            holders[i] = "SHOWROOM";
            pricedOns[i] = at.atZoneSameInstant(VIETNAM).toLocalDate().toString();
            ats[i] = at.toString();
            references[i] = s[8] + " × " + s[6];
        }
        try (PreparedStatement st = prepared(c, MONEY_INSERT, c.createArrayOf("uuid", new TreeSet<>(java.util.Arrays.asList(producers)).toArray()),
                "till sync", c.createArrayOf("uuid", ids), c.createArrayOf("text", kinds),
                c.createArrayOf("uuid", producers), c.createArrayOf("text", blank), c.createArrayOf("text", blank),
                c.createArrayOf("text", movements), c.createArrayOf("text", channels), c.createArrayOf("text", locations),
                c.createArrayOf("text", groups), c.createArrayOf("int8", goods), c.createArrayOf("int8", zeros), c.createArrayOf("int8", goods),
                c.createArrayOf("text", holders), c.createArrayOf("text", locations), c.createArrayOf("date", pricedOns),
                c.createArrayOf("timestamptz", ats), c.createArrayOf("text", references), c.createArrayOf("text", blank))) {
            st.executeUpdate();
        }
    }

    /** {@code MoneyIds.of}: the event's id derives from its movement's, so a second recording adds nothing. */
    private static UUID eventId(UUID movement) {
        try {
            var md5 = java.nio.ByteBuffer.wrap(MessageDigest.getInstance("MD5").digest(("TILL_SALE:" + movement).getBytes(StandardCharsets.UTF_8)));
            return new UUID(md5.getLong(), md5.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private static List<Object[]> rows(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement st = prepared(c, sql, parameters); ResultSet rs = st.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            st.setObject(i + 1, p instanceof LocalDate d ? java.sql.Date.valueOf(d) : p);
        }
        return st;
    }
}
