package io.tickerpress.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Fingerprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The Freemarker templates of a site: the site's own {@code templates/} first, then the default theme
 * packaged in the jar. {@code .ftlh} templates escape HTML by default.
 */
public final class Theme {
    public static final String DEFAULT_THEME_RESOURCE = "/theme";
    private final Configuration cfg;
    private final Path userTemplates;

    public Theme(Path sourceDir) {
        Path dir = sourceDir.resolve("templates");
        this.userTemplates = Files.isDirectory(dir) ? dir : null;
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader builtIn = new ClassTemplateLoader(Theme.class, DEFAULT_THEME_RESOURCE);
        cfg.setTemplateLoader(userTemplates == null ? builtIn
                : new MultiTemplateLoader(new TemplateLoader[] {new ReadTemplates(this::userFiles), builtIn}));
        // View records are read as properties in templates: ${article.title}, not ${article.title()}.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setExposeFields(false);
        cfg.setObjectWrapper(wrapper.build());
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.US);
        cfg.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // Templates may not instantiate Java classes: a theme is presentation only.
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
    }

    /**
     * The templates this theme has parsed, by name: a page asks for its template here, not through Freemarker's
     * cache, whose every lookup normalises the name, tries it per locale and checks the source's age. The theme's
     * files are the ones read once for the build ({@link #userFiles}, the jar's), so a template once parsed stays
     * the one to use.
     */
    private final Map<String, Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public String render(String templateName, Map<String, Object> model) {
        Template template = parsed.get(templateName);
        if (template == null) {
            template = template(templateName);
            parsed.put(templateName, template);
        }
        TextOut out = new TextOut(16 * 1024);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            String source = e.getTemplateSourceName() == null ? templateName : e.getTemplateSourceName();
            throw new InputError(displayName(source), line == null ? 0 : line, column == null ? 0 : column,
                    "template error: " + firstLine(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private Template template(String templateName) {
        try {
            return cfg.getTemplate(templateName);
        } catch (TemplateNotFoundException e) {
            throw new InputError(displayName(templateName), "template not found in templates/ or the default theme");
        } catch (ParseException e) {
            throw new InputError(displayName(e.getTemplateName()), e.getLineNumber(), e.getColumnNumber(),
                    "template syntax error: " + firstLine(e.getEditorMessage()));
        } catch (IOException e) {
            throw new InputError(displayName(templateName), "cannot read template: " + e.getMessage());
        }
    }

    /**
     * Where a page's text is written: a {@link java.io.StringWriter} without its lock (a page is written by one
     * thread) and without the checks of each write's bounds beyond the builder's own.
     */
    private static final class TextOut extends java.io.Writer {
        private final StringBuilder text;

        TextOut(int capacity) {
            text = new StringBuilder(capacity);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String s) {
            text.append(s);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public java.io.Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public java.io.Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** A template as the user should see it: their own file, or the default theme's. */
    String displayName(String name) {
        if (name == null) return "templates";
        if (userTemplates != null && Files.isRegularFile(userTemplates.resolve(name))) {
            return Diagnostics.display(userTemplates.resolve(name));
        }
        return "default theme " + name;
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        String m = message.strip();
        int cut = m.indexOf("\n----");
        return (cut < 0 ? m : m.substring(0, cut)).replaceAll("\\s*\\n\\s*", " ");
    }

    private volatile String filesDigest;

    /**
     * A hash of every file below the site's own {@code templates/} (templates, macro libraries, static assets),
     * read once per build. Any edit there changes it, however a template reaches another (import, include, a
     * computed name, a macro library). The default theme is not read for it: it is packaged with the
     * generator's code, whose hash (every entry of the jar, or every file of the classes folder) covers it.
     */
    public String filesDigest() {
        String d = filesDigest;
        if (d == null) {
            Fingerprint.Files hash = new Fingerprint.Files();
            hash.text("templates/");
            userFiles().forEach(hash::add);
            d = hash.hex();
            filesDigest = d;
        }
        return d;
    }

    private Map<String, byte[]> userFiles; // under the lock of userFiles()

    /**
     * Every file below the site's own {@code templates/} (none without one), as relative path → bytes in path order,
     * read once per build on first use: the digest, the templates Freemarker parses ({@link ReadTemplates}) and
     * the static files published ({@link ThemeAssets}) are all made from these bytes, so a build records the
     * theme it rendered with even when a file is saved while it runs.
     */
    synchronized Map<String, byte[]> userFiles() {
        Map<String, byte[]> files = userFiles;
        if (files == null) {
            try {
                files = java.util.Collections.unmodifiableMap(ThemeFiles.tree(userTemplates));
            } catch (java.io.UncheckedIOException e) {
                throw new InputError(Diagnostics.display(userTemplates), "cannot read a file of the templates folder: "
                        + e.getCause().getMessage() + " (every file below templates/ is part of the theme)");
            }
            userFiles = files;
        }
        return files;
    }

    /** The folder of the site's own templates, or null when it uses the default theme only. */
    public Path userTemplates() {
        return userTemplates;
    }
}
