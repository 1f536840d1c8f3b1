package org.medops.signature;

/** The person a signature is made for: the account and the name that signs. */
public record Signer(String username, String name) {
}
