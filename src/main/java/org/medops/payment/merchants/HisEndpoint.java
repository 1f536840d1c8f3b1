package org.medops.payment.merchants;

/** Where the HIS hears of a merchant's results, and the opened key its callbacks are signed with (HMAC-SHA256). */
public record HisEndpoint(String url, String signingKey) {

    @Override
    public String toString() {
        return "HisEndpoint[" + url + "]";
    }
}
