package org.medops.reporting.scorecard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.medops.reporting.contracts.Contract;

/**
 * The canonical text of a finalised card: line by line, every item, every deduction (struck ones with why), the
 * total, the band and the signature. The same card always gives the same text, so anyone can recompute its SHA-256.
 */
final class SignedContent {

    private SignedContent() {
    }

    static String canonical(Scorecard card, Contract contract, Scorecard.Signature signer) {
        Scorecard.View view = card.view(contract);
        StringBuilder text = new StringBuilder();
        text.append("scorecard ").append(view.quarter()).append('\n');
        text.append("contract ").append(contract.year()).append(' ').append(contract.name()).append('\n');
        for (Scorecard.View.Item item : view.items()) {
            text.append("item ").append(item.code()).append(' ').append(item.name()).append(" max=")
                    .append(item.maxPoints() == null ? "-" : item.maxPoints()).append(" score=")
                    .append(item.score().toPlainString()).append('\n');
            for (Deduction d : item.deductions()) {
                text.append("  deduction ").append(d.id()).append(' ').append(d.rule()).append(" points=")
                        .append(d.points().stripTrailingZeros().toPlainString()).append(d.failsQuarter() ? " fails" : "")
                        .append(' ').append(d.text());
                if (d.reason() != null) {
                    text.append(" | reason: ").append(d.reason());
                }
                if (d.struck()) {
                    text.append(" | struck by ").append(d.struckBy()).append(": ").append(d.struckReason());
                }
                text.append('\n');
            }
        }
        text.append("total ").append(view.total().toPlainString()).append(" of ").append(view.maxTotal())
                .append(" (nominal ").append(view.nominalTotal()).append(")\n");
        text.append("band ").append(view.bandBasis()).append(' ').append(view.bandScore().toPlainString())
                .append(" -> ").append(view.paymentPercent()).append("%").append(view.failed() ? " failed" : "")
                .append('\n');
        text.append("finalised by ").append(signer.username()).append(" (").append(signer.name()).append(") at ")
                .append(signer.at()).append('\n');
        return text.toString();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
