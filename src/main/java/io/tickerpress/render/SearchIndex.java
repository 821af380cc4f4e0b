package io.tickerpress.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code search-index.json}: what the search page's script searches, one entry per article, newest first. */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    public static byte[] write(List<PublishedArticle> newestFirst, Function<String, String> url, Formats formats) {
        List<Map<String, Object>> entries = newestFirst.stream().map(p -> {
            Article a = p.article();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", a.title());
            e.put("url", url.apply(p.path()));
            e.put("date", Formats.iso(a.date()));
            e.put("displayDate", formats.date(a.date()));
            e.put("tags", a.tags());
            e.put("tickers", a.tickers());
            e.put("summary", String.join(" ", a.summary()));
            return e;
        }).toList();
        try {
            return JSON.writeValueAsBytes(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
