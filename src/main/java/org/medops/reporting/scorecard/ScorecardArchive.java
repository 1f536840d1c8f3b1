package org.medops.reporting.scorecard;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.medops.reporting.ReportingDocuments;
import org.medops.signature.SignedDocuments;
import org.springframework.stereotype.Component;

/**
 * Finalised scorecards for the records archive: the signed canonical content (its SHA-256 is the card's hash) and,
 * when the server had a CJK font, the electronically signed PDF — both signed by the finaliser, dated when finalised.
 */
@Component
class ScorecardArchive implements ReportingDocuments {

    private final Scorecards cards;
    private final SignedDocuments signatures;

    ScorecardArchive(Scorecards cards, SignedDocuments signatures) {
        this.cards = cards;
        this.signatures = signatures;
    }

    @Override
    public List<Document> documents(Instant from, Instant to) {
        List<Document> documents = new ArrayList<>();
        for (Scorecard card : cards.finalizedBetween(from, to)) {
            Scorecard.Signature s = card.signature();
            String title = "服务考核表 " + card.quarter();
            documents.add(new Document("scorecard:" + card.id(), "SCORECARD", title + "（签署内容）", card.quarter().toString(),
                    s.at(), s.username(), s.name(), "scorecard-" + card.quarter() + ".json", "application/json",
                    s.content().getBytes(StandardCharsets.UTF_8)));
            signatures.pdf(ScorecardDesk.SIGNED_TYPE, Long.toString(card.id())).ifPresent(pdf -> documents.add(
                    new Document("scorecard-pdf:" + card.id(), "SCORECARD", title, card.quarter().toString(), s.at(),
                            s.username(), s.name(), "scorecard-" + card.quarter() + ".pdf", "application/pdf", pdf)));
        }
        return documents;
    }
}
