package org.medops.opsdesk.tickets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.medops.shared.ProblemException;
import org.medops.signature.SignedDocuments;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The 故障修复确认单 as a PDF, rendered from the same template as the print page. PDFBox embeds only
 * TrueType outlines, so it needs a CJK TrueType font on the server: the configured one, else Debian's
 * Droid Sans Fallback ({@code fonts-droid-fallback}); without one it says so instead of printing boxes.
 */
@Component
class ConfirmationPdf {

    private static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("C:/Windows/Fonts/simhei.ttf"));

    /** The document type under which the signature module keeps a signed sheet, one per ticket cycle. */
    static final String SIGNED_TYPE = "repair-confirmation";

    private final ITemplateEngine templates;
    private final ApplicationContext application;
    private final Clock clock;
    private final String configuredFont;
    private final SignedDocuments signed;

    ConfirmationPdf(ITemplateEngine templates, ApplicationContext application, Clock clock,
                    @Value("${medops.opsdesk.pdf-font:}") String configuredFont, SignedDocuments signed) {
        this.signed = signed;
        this.templates = templates;
        this.application = application;
        this.clock = clock;
        this.configuredFont = configuredFont;
    }

    byte[] render(TicketView ticket, Locale locale) {
        Path font = font().orElseThrow(() -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-missing"));
        Context context = new Context(locale);
        context.setVariable("t", ticket);
        context.setVariable("printedAt", clock.instant());
        context.setVariable("pdf", true);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(application, null));
        String html = templates.process("opsdesk/confirmation", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "medops-cjk");
            builder.withHtmlContent(html, ConfirmationPdf.class.getResource("/static/").toExternalForm());
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The sheet as a download named after the ticket, for the console page and the API alike. */
    ResponseEntity<byte[]> download(TicketView ticket, Locale locale) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ticket.number() + "-confirmation.pdf").build().toString())
                .body(signed.pdf(SIGNED_TYPE, reference(ticket)).orElseGet(() -> render(ticket, locale)));
    }

    /** A cycle's sheet as the signature module names it: the ticket number and the cycle. */
    static String reference(TicketView ticket) {
        return ticket.number() + "#" + ticket.current().number();
    }

    Optional<Path> font() {
        Stream<Path> configured = configuredFont.isBlank() ? Stream.empty() : Stream.of(Path.of(configuredFont));
        return Stream.concat(configured, KNOWN_FONTS.stream()).filter(Files::isReadable).findFirst();
    }
}
