package org.medops.audit;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how often the audit chain head is anchored outside the database.
 *
 * @param file        the append-only JSON-lines file of checkpoints; default {@code <data-dir>/audit/checkpoints.jsonl}
 * @param keyFile     the generated private key; default {@code <data-dir>/audit/anchor.key} (public key: {@code .pub})
 * @param privateKey  Base64 PKCS#8 Ed25519 private key instead of the file ({@code MEDOPS_AUDIT_ANCHOR_PRIVATE_KEY})
 * @param publicKey   its Base64 X.509 public key ({@code MEDOPS_AUDIT_ANCHOR_PUBLIC_KEY})
 * @param interval    how often a checkpoint is written when the chain has grown
 * @param webhook     optionally, every checkpoint is also POSTed there as JSON (e.g. a log collector the
 *                    audit administrator controls)
 */
@ConfigurationProperties("medops.audit.anchor")
record AnchorSettings(Path file, Path keyFile, String privateKey, String publicKey,
                      @DefaultValue("60s") Duration interval, URI webhook) {
}
