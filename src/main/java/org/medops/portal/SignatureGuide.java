package org.medops.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The signature guide (签名规范) and its runnable samples, read from the jar where the build copies
 * {@code docs/gateway-signature.md} and {@code docs/samples/} (one text for the repository and the portal).
 * Rendered once; raw HTML in the Markdown is escaped, not passed through.
 */
@Component
class SignatureGuide {

    private static final List<String> SAMPLES = List.of("Sign.java", "sign.py", "sign.mjs", "sign.sh");

    private final String html;
    private final List<Sample> samples;

    SignatureGuide() {
        var extensions = List.of(TablesExtension.create());
        String markdown = read("portal-guide/gateway-signature.md")
                // The samples are shown below the guide, so links into the repository's folder would lead nowhere.
                .replace("](samples/)", "](#samples)");
        html = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).build()
                .render(Parser.builder().extensions(extensions).build().parse(markdown))
                .replace("<table>", "<table class=\"table table-sm table-bordered\">");
        samples = SAMPLES.stream().map(name -> new Sample(name, read("portal-guide/samples/" + name))).toList();
    }

    String html() {
        return html;
    }

    List<Sample> samples() {
        return samples;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the signature guide is missing from the build: " + path, e);
        }
    }

    record Sample(String name, String code) {
        /** An id for tabs and anchors. */
        public String id() {
            return "sample-" + name.replace('.', '-').toLowerCase();
        }
    }
}
