package org.medops.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medops.catalog.OpenApiText;
import org.medops.shared.ProblemException;

class OpenApiViewTest {

    static String lisDocument() {
        try (var in = OpenApiViewTest.class.getResourceAsStream("/portal/lis-openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class ReadingADocument {

        OpenApiView view = OpenApiView.of(OpenApiText.parse(lisDocument()));

        @Test
        void listsEveryOperationWithPathLevelAndOwnParameters() {
            assertThat(view.title()).isEqualTo("LIS 检验报告接口");
            assertThat(view.operations()).extracting(OpenApiView.Operation::method, OpenApiView.Operation::path)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/reports/{patientId}"),
                            org.assertj.core.groups.Tuple.tuple("POST", "/reports"));
            OpenApiView.Operation get = view.operations().get(0);
            assertThat(get.parameters()).extracting(OpenApiView.Parameter::name, OpenApiView.Parameter::in,
                            OpenApiView.Parameter::required, OpenApiView.Parameter::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("patientId", "path", true, "string"),
                            org.assertj.core.groups.Tuple.tuple("from", "query", false, "string(date)"));
        }

        @Test
        void followsReferencesIntoNestedFieldsAndStopsAtACycle() {
            OpenApiView.Response ok = view.operations().get(0).responses().get(0);
            assertThat(ok.status()).as("a YAML integer key reads as the status").isEqualTo("200");
            assertThat(ok.fields()).extracting(OpenApiView.Field::name, OpenApiView.Field::type)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("items", "array<Item>"),
                            org.assertj.core.groups.Tuple.tuple("items[].code", "string"),
                            org.assertj.core.groups.Tuple.tuple("items[].value", "number"),
                            org.assertj.core.groups.Tuple.tuple("next", "Reports"));
            assertThat(ok.fields().get(0).required()).isTrue();
            assertThat(ok.fields().get(1).description()).isEqualTo("检验项目代码");
        }

        @Test
        void showsTheRequestBodyWithItsExample() {
            OpenApiView.Body body = view.operations().get(1).requestBody();
            assertThat(body.contentType()).isEqualTo("application/json");
            assertThat(body.fields()).extracting(OpenApiView.Field::name).containsExactly("code", "value");
            assertThat(body.example()).contains("\"GLU\"");
        }
    }

    @Nested
    class RefusingWhatDoesNotParse {

        @Test
        void anArrayOfItselfEndsInsteadOfOverflowing() {
            OpenApiView selfish = OpenApiView.of(OpenApiText.parse("""
                    openapi: 3.0.0
                    info: {title: t, version: "1"}
                    paths:
                      /a:
                        get:
                          responses:
                            "200":
                              description: ok
                              content:
                                application/json:
                                  schema: {$ref: "#/components/schemas/A"}
                    components:
                      schemas:
                        A: {type: object, properties: {children: {$ref: "#/components/schemas/B"}}}
                        B: {type: array, items: {$ref: "#/components/schemas/B"}}
                    """));
            assertThat(selfish.operations().get(0).responses().get(0).fields().get(0).type())
                    .startsWith("array<array<").endsWith("…>>>>>>>>>");
        }

        @Test
        void brokenYamlOrJsonIsRefusedWithTheParsersComplaint() {
            assertThatThrownBy(() -> OpenApiText.parse("openapi: 3.0.0\npaths: [unclosed"))
                    .isInstanceOf(ProblemException.class).extracting("code").isEqualTo("openapi-invalid");
            assertThatThrownBy(() -> OpenApiText.parse("{\"openapi\": "))
                    .isInstanceOf(ProblemException.class).extracting("code").isEqualTo("openapi-invalid");
        }

        @Test
        void aDocumentMustBeAnOpenApiObject() {
            assertThatThrownBy(() -> OpenApiText.parse("- just\n- a list")).isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> OpenApiText.parse("{\"name\":\"not openapi\"}")).isInstanceOf(ProblemException.class);
            assertThat(OpenApiText.parse("{\"openapi\":\"3.1.0\",\"paths\":{}}").has("paths")).isTrue();
        }
    }
}
