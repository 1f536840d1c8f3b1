package org.medops.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void reproducesTheWorkedExampleOfTheDocumentation() {
        String stringToSign = Signature.stringToSign("POST", "/his/patients/search",
                "page=1&name=%E5%BC%A0%E4%B8%89&dept=cardiology&dept=ICU", "1795400000000",
                "9f1c2d3e4b5a69788796a5b4c3d2e1f0", "{\"idType\":\"card\",\"pageSize\":20}".getBytes(StandardCharsets.UTF_8));
        assertThat(stringToSign).isEqualTo("""
                POST
                /his/patients/search
                dept=ICU&dept=cardiology&name=%E5%BC%A0%E4%B8%89&page=1
                1795400000000
                9f1c2d3e4b5a69788796a5b4c3d2e1f0
                083914718aa306588da16c5a05020b189cb34b583f1e30cb2eb42079f7aeb55f""");
        assertThat(Signature.sign("demo-secret-please-change", stringToSign))
                .isEqualTo("BsD7NjVofbVYE429L1WP9ZP7OoqvHCkgFYsqD/XVcys=");
    }

    @Test
    void hashesAMissingBodyAsTheEmptyString() {
        assertThat(Signature.stringToSign("get", "/his", null, "1", "n", null))
                .endsWith("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").startsWith("GET\n");
    }

    @Nested
    class CanonicalQuery {
        @Test
        void sortsByNameThenValue() {
            assertThat(Signature.canonicalQuery("b=2&a=9&a=1")).isEqualTo("a=1&a=9&b=2");
        }

        @Test
        void reEncodesPerRfc3986() {
            assertThat(Signature.canonicalQuery("q=a b&t=~x*")).isEqualTo("q=a%20b&t=~x%2A");
            assertThat(Signature.canonicalQuery("name=张三")).isEqualTo("name=%E5%BC%A0%E4%B8%89");
            assertThat(Signature.canonicalQuery("name=%e5%bc%a0")).isEqualTo("name=%E5%BC%A0");
        }

        @Test
        void treatsPlusAsALiteralPlus() {
            assertThat(Signature.canonicalQuery("sum=1+1")).isEqualTo("sum=1%2B1");
        }

        @Test
        void givesAParameterWithoutValueAnEmptyOne() {
            assertThat(Signature.canonicalQuery("flag&x=")).isEqualTo("flag=&x=");
        }

        @Test
        void keepsAMalformedEscapeLiterally() {
            assertThat(Signature.canonicalQuery("p=100%")).isEqualTo("p=100%25");
        }

        @Test
        void isEmptyWithoutAQuery() {
            assertThat(Signature.canonicalQuery(null)).isEmpty();
            assertThat(Signature.canonicalQuery("")).isEmpty();
        }
    }
}
