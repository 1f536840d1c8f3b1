package org.medops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The console's message bundles as {@code spring.messages.basename} lists them. A key defined in two bundles with
 * different texts is a trap: the first bundle wins silently and the second module's text is never shown (or shows in
 * the first module's place) — each key is defined once, or identically. And every key has both languages.
 */
class MessageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void noKeyIsDefinedInTwoBundlesWithDifferentTexts() throws IOException {
        for (String suffix : List.of("", "_en")) {
            Map<String, String> first = new LinkedHashMap<>();
            Map<String, String> firstBundle = new LinkedHashMap<>();
            List<String> clashes = new ArrayList<>();
            for (String basename : basenames()) {
                Properties bundle = load(basename + suffix);
                for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                    String text = bundle.getProperty(key);
                    String earlier = first.putIfAbsent(key, text);
                    if (earlier == null) {
                        firstBundle.put(key, basename);
                    } else if (!earlier.equals(text)) {
                        clashes.add(key + " (" + firstBundle.get(key) + ": " + earlier + " ≠ " + basename + ": " + text + ")");
                    }
                }
            }
            assertThat(clashes).as("keys defined twice with different texts in the %s bundles",
                    suffix.isEmpty() ? "Chinese" : "English").isEmpty();
        }
    }

    @Test
    void everyKeyHasAChineseAndAnEnglishText() throws IOException {
        TreeSet<String> chinese = new TreeSet<>();
        TreeSet<String> english = new TreeSet<>();
        for (String basename : basenames()) {
            chinese.addAll(load(basename).stringPropertyNames());
            english.addAll(load(basename + "_en").stringPropertyNames());
        }
        TreeSet<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        TreeSet<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);
        assertThat(onlyChinese).as("keys without an English text").isEmpty();
        assertThat(onlyEnglish).as("keys without a Chinese text").isEmpty();
        assertThat(chinese).hasSizeGreaterThan(1000);
    }

    private static List<String> basenames() throws IOException {
        Matcher line = Pattern.compile("(?m)^\\s*basename:\\s*(\\S+)").matcher(Files.readString(RESOURCES.resolve("application.yml")));
        assertThat(line.find()).as("spring.messages.basename in application.yml").isTrue();
        List<String> basenames = List.of(line.group(1).split(","));
        for (String basename : basenames) {
            assertThat(RESOURCES.resolve(basename + ".properties")).as("bundle " + basename).exists();
            assertThat(RESOURCES.resolve(basename + "_en.properties")).as("bundle " + basename + "_en").exists();
        }
        return basenames;
    }

    private static Properties load(String name) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(RESOURCES.resolve(name + ".properties")),
                StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }
}
