package io.tickerpress.render;

import freemarker.cache.TemplateLoader;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Freemarker's loader for the site's own templates, from the bytes the build read once ({@link Theme#userFiles}):
 * every page is made from the text the theme's digest was taken of, even when a template is saved while the build
 * runs (reading the file again at first use could render one text and record the other).
 */
final class ReadTemplates implements TemplateLoader {
    private final Supplier<Map<String, byte[]>> files;

    ReadTemplates(Supplier<Map<String, byte[]>> files) {
        this.files = files;
    }

    private record Source(String name, byte[] bytes) {
    }

    @Override
    public Object findTemplateSource(String name) {
        byte[] bytes = files.get().get(name);
        return bytes == null ? null : new Source(name, bytes);
    }

    @Override
    public long getLastModified(Object source) {
        return 0; // the bytes never change within a build
    }

    @Override
    public Reader getReader(Object source, String encoding) {
        return new InputStreamReader(new ByteArrayInputStream(((Source) source).bytes()), Charset.forName(encoding));
    }

    @Override
    public void closeTemplateSource(Object source) {
        // nothing to close: the bytes are in memory
    }
}
