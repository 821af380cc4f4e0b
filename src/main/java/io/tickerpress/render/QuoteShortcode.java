package io.tickerpress.render;

import io.tickerpress.derive.Market;
import io.tickerpress.derive.SeriesStats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code {{< quote SYMBOL FIELD [abs] [key=value ...] >}}}: a figure computed from the market data as of the
 * article's time, so that numbers in the text never disagree with the data and never look ahead. {@code abs}
 * writes a signed figure without its sign, for prose that says the direction in words ("fell 2.46%").
 */
public final class QuoteShortcode implements Shortcodes.Handler {
    static final Set<String> FIELDS = Set.of("close", "change", "changePct", "ytd", "firstNDays", "record",
            "high52", "low52", "streak", "relstreak", "date");
    /** Fields with a sign, which {@code abs} can drop. */
    static final Set<String> SIGNED = Set.of("change", "changePct", "ytd", "firstNDays", "streak");
    static final String ABS = "abs";
    private final Market market;
    private final Instant asOf;
    private final Formats formats;

    public QuoteShortcode(Market market, Instant asOf, Formats formats) {
        this.market = market;
        this.asOf = asOf;
        this.formats = formats;
    }

    @Override
    public String expand(Shortcodes.Call call) {
        if (call.args().size() != 2 && call.args().size() != 3) {
            throw call.error("expected {{< quote SYMBOL FIELD [abs] [key=value ...] >}}, got "
                    + io.tickerpress.diag.Counts.of(call.args().size(), "argument"));
        }
        String symbol = call.args().get(0).toUpperCase(java.util.Locale.ROOT);
        String field = call.args().get(1);
        if (!FIELDS.contains(field)) {
            String hint = io.tickerpress.load.Suggest.closest(field, FIELDS);
            throw call.error("unknown field '" + field + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; known: " + String.join(", ", FIELDS.stream().sorted().toList()));
        }
        boolean abs = call.args().size() == 3;
        if (abs && !call.args().get(2).equals(ABS)) {
            throw call.error("unknown option '" + call.args().get(2) + "' (the only one is 'abs', which drops the sign)");
        }
        if (abs && !SIGNED.contains(field)) {
            throw call.error("'abs' applies only to signed fields (" + String.join(", ", SIGNED.stream().sorted().toList())
                    + "), not to '" + field + "'");
        }
        Set<String> allowed = switch (field) {
            case "firstNDays" -> Set.of("n");
            case "relstreak" -> Set.of("vs");
            default -> Set.of();
        };
        for (String key : call.named().keySet()) {
            if (!allowed.contains(key)) {
                throw call.error("'" + key + "' is not an option of field '" + field + "'"
                        + (allowed.isEmpty() ? "" : "; options: " + String.join(", ", allowed)));
            }
        }
        SeriesStats stats = market.stats(symbol).orElseThrow(() -> call.error("unknown symbol '" + symbol
                + "': no snapshot or history file has it"));
        LocalDate lastClose = market.lastCloseDate(asOf);
        int i = stats.series().indexAtOrBefore(lastClose);
        if (i < 0) {
            throw call.error("no " + symbol + " close on or before " + formats.date(lastClose)
                    + " (the article's time)");
        }
        return switch (field) {
            case "close" -> Numbers.price(stats.close(i));
            case "date" -> formats.date(stats.date(i));
            case "change" -> {
                double v = need(market.move(symbol, i).change(), call, noChange(stats, i));
                yield abs ? Numbers.changeAbs(v, stats.close(i)) : Numbers.change(v, stats.close(i));
            }
            case "changePct" -> pct(need(market.move(symbol, i).changePct(), call, noChange(stats, i)), abs);
            case "ytd" -> pct(need(stats.ytd(i), call, "no " + symbol + " close on "
                    + market.calendar().previousTradingDay(java.time.LocalDate.of(stats.date(i).getYear(), 1, 1))
                    + ", the last session of " + (stats.date(i).getYear() - 1) + ", to measure the year from"), abs);
            case "firstNDays" -> pct(firstNDays(call, stats, i), abs);
            case "record" -> formats.date(stats.date(stats.lastRecord(i)));
            case "high52" -> Numbers.price(stats.close(stats.high52(i)));
            case "low52" -> Numbers.price(stats.close(stats.low52(i)));
            case "streak" -> {
                if (!stats.hasPreviousSession(i)) throw call.error(noChange(stats, i));
                yield abs ? Integer.toString(Math.abs(stats.streak(i))) : Numbers.signed(stats.streak(i));
            }
            case "relstreak" -> relstreak(call, stats, i);
            default -> throw new IllegalStateException(field);
        };
    }

    private static String pct(double v, boolean abs) {
        return abs ? Numbers.pctAbs(v) : Numbers.pct(v);
    }

    private double firstNDays(Shortcodes.Call call, SeriesStats stats, int i) {
        int n = positiveInt(call, "n", 10);
        int year = asOf.atZone(io.tickerpress.model.TradingCalendar.NEW_YORK).getYear();
        return need(stats.firstNDays(i, year, n, market.calendar()), call,
                "the first " + n + " trading days of " + year + " are not complete in the data as of the article's time");
    }

    private String relstreak(Shortcodes.Call call, SeriesStats stats, int i) {
        String vs = call.named().get("vs");
        if (vs == null) throw call.error("relstreak needs vs=SYMBOL, the symbol to compare with");
        SeriesStats other = market.stats(vs.toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> call.error("unknown symbol '" + vs + "' in vs="));
        return Integer.toString(stats.relativeStreak(i, other));
    }

    private static int positiveInt(Shortcodes.Call call, String key, int fallback) {
        String v = call.named().get(key);
        if (v == null) return fallback;
        if (!v.matches("\\d{1,3}") || Integer.parseInt(v) < 1 || Integer.parseInt(v) > 250) {
            throw call.error("'" + key + "' must be a whole number from 1 to 250, not '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    /** Why a day has no change: no earlier close at all, or a gap in the data before it. */
    private String noChange(SeriesStats stats, int i) {
        if (i == 0) return "no previous close before " + stats.date(i) + " in the data";
        return "no change for " + stats.date(i) + ": the previous session, "
                + market.calendar().previousTradingDay(stats.date(i)) + ", is missing from the data (a change is never"
                + " taken across a gap)";
    }

    private static double need(Double v, Shortcodes.Call call, String why) {
        if (v == null) throw call.error(why);
        return v;
    }

    private static double need(OptionalDouble v, Shortcodes.Call call, String why) {
        if (v.isEmpty()) throw call.error(why);
        return v.getAsDouble();
    }
}
