package org.medops.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders the chart's templates for the test with the subset of Go templates the chart is written in (and no
 * more, so the chart cannot drift into constructs this does not check): {@code .Values.a.b}, {@code .Release.Name},
 * {@code .Release.Service}, {@code .Chart.AppVersion}, {@code include "name" .}, {@code toYaml X},
 * {@code required "why" X}, the pipes {@code quote} and {@code nindent N}, {@code if [not] X / else / end}, and the
 * whitespace trimming of {@code {{-} and {@code -}}}. Anything else fails the render.
 */
final class HelmTemplates {

    private static final Pattern ACTION = Pattern.compile("\\{\\{(-?)\\s*(.*?)\\s*(-?)}}", Pattern.DOTALL);
    static final Pattern VALUE_REF = Pattern.compile("\\.Values((?:\\.[A-Za-z0-9_]+)+)");

    private final Map<String, Object> values;
    private final Map<String, String> context;
    private final Map<String, String> defines = new HashMap<>();

    HelmTemplates(Path chart, Map<String, Object> values, String releaseName) throws IOException {
        this.values = values;
        Map<String, Object> meta = new Yaml().load(Files.readString(chart.resolve("Chart.yaml")));
        this.context = Map.of(".Release.Name", releaseName, ".Release.Service", "Helm",
                ".Chart.AppVersion", String.valueOf(meta.get("appVersion")), ".Chart.Version",
                String.valueOf(meta.get("version")));
        String helpers = Files.readString(chart.resolve("templates/_helpers.tpl"));
        Matcher define = Pattern.compile("\\{\\{-? *define \"([^\"]+)\" *-?}}(.*?)\\{\\{-? *end *-?}}(?=\\s*(\\{\\{-? *define|\\z))",
                Pattern.DOTALL).matcher(helpers);
        while (define.find()) {
            defines.put(define.group(1), define.group(0));
        }
    }

    /** Every {@code .Values} path used in the templates. */
    static Set<String> valueReferences(Path chart) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (var files = Files.list(chart.resolve("templates"))) {
            for (Path file : files.toList()) {
                Matcher matcher = VALUE_REF.matcher(Files.readString(file));
                while (matcher.find()) {
                    paths.add(matcher.group(1).substring(1));
                }
            }
        }
        return paths;
    }

    String render(String template) {
        String body = template;
        Matcher define = Pattern.compile("\\A\\{\\{-? *define \"[^\"]+\" *-?}}(.*)\\{\\{-? *end *-?}}\\z", Pattern.DOTALL)
                .matcher(template.strip());
        if (define.matches()) {
            body = define.group(1);
        }
        List<Object> tokens = tokens(body);
        StringBuilder out = new StringBuilder();
        Deque<boolean[]> conditions = new ArrayDeque<>(); // {active, taken}
        for (Object token : tokens) {
            boolean active = conditions.stream().allMatch(c -> c[0]);
            if (token instanceof String text) {
                if (active) {
                    out.append(text);
                }
                continue;
            }
            String action = ((ActionText) token).text();
            if (action.startsWith("if ")) {
                boolean test = active && truthy(evaluate(action.substring(3)));
                conditions.push(new boolean[]{test, test});
            } else if (action.equals("else")) {
                boolean[] c = conditions.peek();
                c[0] = !c[1];
            } else if (action.equals("end")) {
                conditions.pop();
            } else if (active) {
                Object value = evaluate(action);
                out.append(value == null ? "" : value);
            }
        }
        if (!conditions.isEmpty()) {
            throw new IllegalStateException("unclosed if");
        }
        return out.toString();
    }

    /** Text and actions, with the whitespace the trim markers remove already gone. */
    private static List<Object> tokens(String template) {
        List<Object> tokens = new ArrayList<>();
        Matcher matcher = ACTION.matcher(template);
        int last = 0;
        boolean trimNext = false;
        while (matcher.find()) {
            String text = template.substring(last, matcher.start());
            if (trimNext) {
                text = text.stripLeading();
            }
            if (!matcher.group(1).isEmpty()) {
                text = text.stripTrailing();
            }
            tokens.add(text);
            tokens.add(new ActionText(matcher.group(2)));
            trimNext = !matcher.group(3).isEmpty();
            last = matcher.end();
        }
        String rest = template.substring(last);
        tokens.add(trimNext ? rest.stripLeading() : rest);
        return tokens;
    }

    /** Keeps actions apart from text in the token list. */
    private record ActionText(String text) {
    }

    private Object evaluate(String expression) {
        String[] stages = expression.split("\\|");
        Object value = term(stages[0].strip());
        for (int i = 1; i < stages.length; i++) {
            String pipe = stages[i].strip();
            if (pipe.equals("quote")) {
                value = "\"" + (value == null ? "" : value.toString().replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
            } else if (pipe.startsWith("nindent ")) {
                String indent = " ".repeat(Integer.parseInt(pipe.substring(8).strip()));
                value = "\n" + indent + String.valueOf(value).replace("\n", "\n" + indent);
            } else {
                throw new IllegalArgumentException("unsupported pipe: " + pipe);
            }
        }
        return value;
    }

    private Object term(String term) {
        if (term.startsWith("not ")) {
            return !truthy(term(term.substring(4).strip()));
        }
        if (term.startsWith("include ")) {
            Matcher include = Pattern.compile("include \"([^\"]+)\" \\.").matcher(term);
            if (!include.matches() || !defines.containsKey(include.group(1))) {
                throw new IllegalArgumentException("unknown include: " + term);
            }
            return render(defines.get(include.group(1))).strip();
        }
        if (term.startsWith("toYaml ")) {
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return new Yaml(options).dump(term(term.substring(7).strip())).stripTrailing();
        }
        if (term.startsWith("required ")) {
            Matcher required = Pattern.compile("required \"([^\"]+)\" (\\S+)").matcher(term);
            if (!required.matches()) {
                throw new IllegalArgumentException("bad required: " + term);
            }
            Object value = term(required.group(2));
            if (!truthy(value)) {
                throw new IllegalArgumentException(required.group(1));
            }
            return value;
        }
        if (term.startsWith(".Values.")) {
            return lookup(values, term.substring(".Values.".length()));
        }
        if (context.containsKey(term)) {
            return context.get(term);
        }
        throw new IllegalArgumentException("unsupported template term: " + term);
    }

    @SuppressWarnings("unchecked")
    static Object lookup(Map<String, Object> values, String path) {
        Object current = values;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new IllegalArgumentException("no value " + path);
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    static boolean truthy(Object value) {
        return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
                && !(value instanceof Number n && n.doubleValue() == 0) && !(value instanceof Map<?, ?> m && m.isEmpty());
    }
}
