package org.medops.portal;

import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.medops.gateway.Signature;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signature checker: a developer pastes the inputs of a request and sees every intermediate value
 * and the expected signature. The secret they paste is used for this answer only: not stored, not logged.
 */
@RestController
public class SignatureCheckApi {

    @PostMapping("/api/v1/signature/check")
    @CanCheckSignatures
    public SignatureCheck check(@Valid @RequestBody SignatureInput input) {
        byte[] body = input.body() == null ? new byte[0] : input.body().getBytes(StandardCharsets.UTF_8);
        String stringToSign = Signature.stringToSign(input.method(), input.path(), input.query(), input.timestamp(),
                input.nonce(), body);
        return new SignatureCheck(Signature.canonicalQuery(input.query()), Signature.sha256Hex(body), stringToSign,
                Signature.sign(input.secret(), stringToSign));
    }

    public record SignatureInput(@NotBlank String method, @NotBlank @Size(max = 2048) String path, @Size(max = 4096) String query,
                          @NotBlank String timestamp, @NotBlank String nonce, @Size(max = 1048576) String body,
                          @NotBlank @Size(max = 256) String secret) {
        @Override
        public String toString() {
            return "SignatureInput[method=" + method + ", path=" + path + ", secret=******]";
        }
    }

    public record SignatureCheck(String canonicalQuery, String bodySha256, String stringToSign, String signature) {
    }
}
