package io.tickerpress.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alpha Vantage's JSON ({@code TIME_SERIES_DAILY} and {@code TIME_SERIES_DAILY_ADJUSTED}):
 * {@code {"Meta Data": {"2. Symbol": "IBM", …}, "Time Series (Daily)": {"2026-01-23": {"1. open": "…",
 * "2. high": …, "3. low": …, "4. close": …, "5. volume": …}, …}}}, newest first, numbers as text. The adjusted
 * series has {@code "5. adjusted close"} and {@code "6. volume"}. When over its rate limit (or given a bad key)
 * Alpha Vantage answers with status 200 and a message instead of data: {@code {"Note": …}},
 * {@code {"Information": …}} or {@code {"Error Message": …}}; that message is the error.
 */
final class AlphaVantageJson implements ProviderFormat {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().build());
    private static final List<String> MESSAGES = List.of("Note", "Information", "Error Message");
    static final String SERIES = "Time Series (Daily)";

    @Override
    public String name() {
        return "alphavantage";
    }

    @Override
    public String describe() {
        return "alphavantage (Alpha Vantage JSON: {\"Meta Data\": …, \"Time Series (Daily)\": …})";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        return file.firstLine().startsWith("{");
    }

    @Override
    public List<PriceRow> read(ProviderFile file, String symbol) {
        String display = file.display();
        try (JsonParser p = JSON.getFactory().createParser(file.text())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputError(display, 1, "is not an Alpha Vantage JSON object");
            }
            String metaSymbol = null;
            String message = null;
            int messageLine = 0;
            List<String> otherSeries = new ArrayList<>();
            List<PriceRow> rows = null;
            int seriesLine = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (MESSAGES.contains(name) && p.currentToken() == JsonToken.VALUE_STRING) {
                    message = name + ": " + p.getText();
                    messageLine = line;
                } else if (name.equals("Meta Data") && p.currentToken() == JsonToken.START_OBJECT) {
                    JsonNode meta = p.readValueAsTree();
                    JsonNode s = meta.get("2. Symbol");
                    if (s != null && s.isTextual()) metaSymbol = s.textValue().strip().toUpperCase(Locale.ROOT);
                } else if (name.equals(SERIES) && p.currentToken() == JsonToken.START_OBJECT) {
                    rows = new ArrayList<>();
                    seriesLine = line;
                    readSeries(p, display, rows);
                } else {
                    if (name.contains("Time Series") || name.contains("Weekly") || name.contains("Monthly")) {
                        otherSeries.add(name);
                    }
                    p.skipChildren();
                }
            }
            if (rows == null) {
                if (message != null) {
                    throw new InputError(display, messageLine, "Alpha Vantage sent a message instead of data (" + message
                            + "): it answers this way when over its request limit or given a bad key or symbol;"
                            + " wait, check the request and download again");
                }
                if (!otherSeries.isEmpty()) {
                    throw new InputError(display, 1, "holds " + String.join(", ", otherSeries) + ", not daily data:"
                            + " import the \"" + SERIES + "\" series (function=TIME_SERIES_DAILY)");
                }
                throw new InputError(display, 1, "has no \"" + SERIES + "\" object: this is not an Alpha Vantage daily"
                        + " series");
            }
            String sym = symbol != null ? symbol : metaSymbol;
            if (sym == null) throw new Importer.MissingSymbol(display, describe());
            if (!NamedColumnsCsv.isSymbol(sym)) {
                throw new InputError(display, seriesLine, "\"2. Symbol\" '" + sym + "' is not a symbol; give --symbol");
            }
            List<PriceRow> out = new ArrayList<>(rows.size());
            for (PriceRow r : rows) {
                out.add(new PriceRow(sym, r.date(), r.open(), r.high(), r.low(), r.close(), r.adjClose(), r.volume(),
                        r.file(), r.line()));
            }
            return out;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(display, line, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        }
    }

    private static void readSeries(JsonParser p, String display, List<PriceRow> rows) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String day = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            Cells cells = new Cells(display, line);
            LocalDate date = cells.date(day, "\"" + SERIES + "\"", Cells.ISO, "2026-01-20");
            if (p.nextToken() != JsonToken.START_OBJECT) throw cells.error(day + " must map to an object of prices");
            JsonNode bar = p.readValueAsTree();
            boolean adjusted = bar.has("5. adjusted close");
            rows.add(new PriceRow(null, date,
                    cells.price(text(bar, "1. open"), "\"1. open\"", false),
                    cells.price(text(bar, "2. high"), "\"2. high\"", false),
                    cells.price(text(bar, "3. low"), "\"3. low\"", false),
                    cells.price(text(bar, "4. close"), "\"4. close\"", false),
                    adjusted ? cells.price(text(bar, "5. adjusted close"), "\"5. adjusted close\"", false) : null,
                    cells.volume(text(bar, adjusted ? "6. volume" : "5. volume"),
                            adjusted ? "\"6. volume\"" : "\"5. volume\"", false),
                    display, line));
        }
    }

    private static String text(JsonNode bar, String key) {
        JsonNode v = bar.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
