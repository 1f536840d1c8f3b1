package org.medops.opsdesk.tickets;

import java.util.Locale;

import org.medops.signature.SignedDocuments;
import org.medops.signature.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital's repair confirmation, signed electronically: confirming renders the cycle's 故障修复确认单 and
 * embeds the confirmer's signature (SM2, through the signature service) in the same transaction; the sheet's
 * download is then that signed PDF. Without a CJK font there is no sheet: the confirmation stands as recorded.
 */
@Component
class SignedConfirmation {

    private static final Logger log = LoggerFactory.getLogger(SignedConfirmation.class);

    private final TicketDesk desk;
    private final TicketReader reader;
    private final ConfirmationPdf pdf;
    private final SignedDocuments signatures;

    SignedConfirmation(TicketDesk desk, TicketReader reader, ConfirmationPdf pdf, SignedDocuments signatures) {
        this.desk = desk;
        this.reader = reader;
        this.pdf = pdf;
        this.signatures = signatures;
    }

    @Transactional
    void confirm(long id, String username, String name, String statement, Locale locale) {
        desk.confirm(id, username, name, statement);
        if (pdf.font().isEmpty()) {
            log.warn("Repair confirmation of ticket {} recorded without an electronic signature: no CJK font", id);
            return;
        }
        TicketView confirmed = reader.view(id);
        signatures.sign(ConfirmationPdf.SIGNED_TYPE, ConfirmationPdf.reference(confirmed), new Signer(username, name),
                statement, pdf.render(confirmed, locale));
    }
}
