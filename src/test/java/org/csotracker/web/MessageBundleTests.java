package org.csotracker.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two languages stay complete: both bundles hold the same keys with the same placeholders, every
 * key a template names exists, and no template shows text a reader could see that is not a message key.
 */
class MessageBundleTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Text that reads the same in every language: punctuation and symbols only. */
    private static final Pattern NO_WORDS = Pattern.compile("[\\s\\p{Punct}·…–—()«»\\d]*|[A-Z]+-[A-Z0-9-]+(, \\d+)?");

    /** Attributes people read (or hear from a screen reader) when they hold literal text. */
    private static final Set<String> READABLE_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label",
            "data-too-large", "value");

    /**
     * Templates other engineers added in English that are not translated yet: each is checked as soon as it
     * leaves this list, and the test fails when a listed one no longer needs to be here.
     */
    private static final Set<String> NOT_TRANSLATED_YET = Set.of();

    @Test
    void englishAndSpanishHaveTheSameKeysAndPlaceholders() throws IOException {
        for (String bundle : List.of("messages", "ValidationMessages")) {
            Properties english = load(bundle + ".properties");
            Properties spanish = load(bundle + "_es.properties");
            assertThat(spanish.stringPropertyNames()).as(bundle + "_es.properties has every English key and no other")
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(spanish.getProperty(key))).as("placeholders of " + key + " in " + bundle)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void spanishTextsAreTranslatedNotCopied() throws IOException {
        Properties english = load("messages.properties");
        Properties spanish = load("messages_es.properties");
        // names, codes and formats that are the same in both languages
        Set<String> same = Set.of("app.name", "language.en", "language.es", "nav.api", "nav.cockpit",
                "form.no", "certificate.pdf.total", "parts.transcript.hoursValue", "verify.genuine.file",
                "text.verbatim", "problem.field", "invalid.column");
        List<String> copied = english.stringPropertyNames().stream().filter(k -> !same.contains(k))
                .filter(k -> !k.startsWith("module.SELF") && !k.startsWith("enum.MON") && !k.startsWith("enum.TUE"))
                .filter(k -> english.getProperty(k).equals(spanish.getProperty(k))).sorted().toList();
        assertThat(copied).as("keys whose Spanish text is the English text").isEmpty();
        assertThat(spanish.getProperty("layout.footer")).contains("Agentes de Servicios Comunitarios");
        assertThat(spanish.getProperty("nav.certification")).isEqualTo("Certificación");
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /**
     * Every message domain code raises ({@code Text.of("key", ...)}, {@code NotFoundException.of("Kind", ...)}) has
     * its key in the bundles; a key built from a prefix ({@code Text.of("stage." + ...)}) needs keys under it.
     */
    @Test
    void everyMessageTheCodeRaisesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literal = Pattern.compile("Text\\.of\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
        Pattern prefix = Pattern.compile("Text\\.of\\(\"([A-Za-z0-9_.]+\\.)\"\\s*\\+");
        Pattern record = Pattern.compile("NotFoundException\\.of\\(\"([A-Za-z]+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        List<Path> sources;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String code = Files.readString(source);
            for (Matcher m = literal.matcher(code); m.find(); found++) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(source.getFileName() + ": " + m.group(1));
                }
            }
            for (Matcher m = prefix.matcher(code); m.find(); found++) {
                String start = m.group(1);
                if (english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))) {
                    missing.add(source.getFileName() + ": " + start + "*");
                }
            }
            for (Matcher m = record.matcher(code); m.find(); found++) {
                if (!english.containsKey("record." + m.group(1))) {
                    missing.add(source.getFileName() + ": record." + m.group(1));
                }
            }
        }
        assertThat(found).as("messages raised by domain code").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    /** Notices name workflow tasks in the reader's language: every user task of every BPMN has its name in the bundles. */
    @Test
    void everyUserTaskHasItsNameInTheBundles() throws IOException {
        Properties english = load("messages.properties");
        Pattern userTask = Pattern.compile("<bpmn:userTask id=\"([^\"]+)\"");
        Set<String> ids = new TreeSet<>();
        try (var files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = userTask.matcher(Files.readString(bpmn));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        assertThat(ids).contains("Task_ScreenApplication", "Task_RecordModuleResult");
        assertThat(ids).allSatisfy(id -> assertThat(english.getProperty("task." + id)).as("task." + id).isNotBlank());
    }

    @Test
    void noTemplateShowsLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        Set<String> stillEnglish = new TreeSet<>();
        for (Path template : templates()) {
            String name = TEMPLATES.relativize(template).toString();
            List<String> found = literalTexts(Files.readString(template));
            if (NOT_TRANSLATED_YET.contains(name)) {
                if (!found.isEmpty()) {
                    stillEnglish.add(name);
                }
                continue;
            }
            found.forEach(text -> literal.add(name + ": \"" + text + "\""));
        }
        assertThat(literal).as("text in templates that is not a #{...} message").isEmpty();
        assertThat(stillEnglish).as("templates that can leave NOT_TRANSLATED_YET").containsExactlyInAnyOrderElementsOf(NOT_TRANSLATED_YET);
    }

    @Test
    void theCheckerFindsLiteralTextAndAcceptsMessages() {
        assertThat(literalTexts("<p>Hello <b th:text=\"#{x}\">placeholder</b></p>")).containsExactly("Hello");
        assertThat(literalTexts("<button title=\"Close\" th:text=\"#{close}\">x</button>")).containsExactly("title=Close");
        assertThat(literalTexts("<div>[[#{a}]] · <span th:text=\"${n}\">3</span>, (<th:block th:text=\"#{b}\">b</th:block>)</div>"))
                .isEmpty();
        assertThat(literalTexts("<!-- a comment is not shown --><head th:replace=\"~{x}\"><title>Old</title></head>")).isEmpty();
        assertThat(literalTexts("<input th:placeholder=\"#{p}\" placeholder=\"Name\">")).isEmpty();
        assertThat(literalTexts("<div th:replace=\"~{fragments/forms :: field('phone', 'Phone', 'tel', false)}\"></div>"))
                .containsExactly("Phone");
        assertThat(literalTexts("<div th:replace=\"~{fragments/forms :: field('firstName', #{apply.firstName}, 'text', true)}\"></div>"
                + "<div th:replace=\"~{academy/fields :: inputField(${f}, 'bulk-assessedOn', 'assessedOn', #{x}, 'date', true)}\"></div>"))
                .isEmpty();
    }

    /** Texts a reader would see that come from neither a message nor an expression. */
    static List<String> literalTexts(String html) {
        Document doc = Jsoup.parse(html);
        List<String> found = new ArrayList<>();
        for (Element element : doc.getAllElements()) {
            for (String call : List.of("th:replace", "th:insert")) {
                if (element.hasAttr(call)) {
                    found.addAll(literalLabels(element.attr(call)));
                }
            }
            if (element.tagName().equals("script") || element.tagName().equals("style") || substituted(element)) {
                continue;
            }
            if (!contentReplaced(element)) {
                for (TextNode node : element.textNodes()) {
                    String text = node.text().replaceAll("\\[\\[.*?]]", "").replaceAll("\\[\\(.*?\\)]", "").strip();
                    if (!NO_WORDS.matcher(text).matches()) {
                        found.add(text);
                    }
                }
            }
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey();
                if (READABLE_ATTRIBUTES.contains(name) && !element.hasAttr("th:" + name) && !element.hasAttr("th:attr")
                        && (!name.equals("value") || isButtonInput(element))
                        && !NO_WORDS.matcher(attribute.getValue()).matches()) {
                    found.add(name + "=" + attribute.getValue());
                }
            }
        }
        return found;
    }

    /**
     * Labels passed to a fragment as quoted text, e.g. {@code field('phone', 'Phone', 'tel', false)}: quoted
     * arguments that read as words (a capital or a space) rather than field names, ids or input types.
     */
    static List<String> literalLabels(String call) {
        List<String> found = new ArrayList<>();
        Matcher args = Pattern.compile("::\\s*\\w+\\((.*)\\)").matcher(call);
        if (!args.find()) {
            return found;
        }
        Matcher quoted = Pattern.compile("'([^']*)'").matcher(args.group(1));
        while (quoted.find()) {
            String text = quoted.group(1);
            if (!text.isEmpty() && (text.contains(" ") || Character.isUpperCase(text.charAt(0)))) {
                found.add(text);
            }
        }
        return found;
    }

    private static boolean isButtonInput(Element element) {
        return element.tagName().equals("input") && Set.of("submit", "button", "reset").contains(element.attr("type"));
    }

    private static final List<String> CONTENT = List.of("th:text", "th:utext", "sec:authentication", "th:insert");
    private static final List<String> WHOLE = List.of("th:replace", "th:remove");

    /** The element's text is a prototype: it or an ancestor gets its content from an expression when rendered. */
    private static boolean contentReplaced(Element element) {
        return CONTENT.stream().anyMatch(element::hasAttr) || substituted(element);
    }

    /** The whole element is a prototype: it, or an ancestor's content, is replaced when rendered. */
    private static boolean substituted(Element element) {
        if (WHOLE.stream().anyMatch(element::hasAttr)) {
            return true;
        }
        for (Element e = element.parent(); e != null; e = e.parent()) {
            if (WHOLE.stream().anyMatch(e::hasAttr) || CONTENT.stream().anyMatch(e::hasAttr)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
