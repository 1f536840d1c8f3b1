package org.medops.integration.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class SandboxTest {

    private static final String MSG = """
            {"MSH":[{"MSH-9":{"MSH-9.1":"ADT","MSH-9.2":"A01"}}],"PID":[{"PID-5":{"PID-5.1":"张","PID-5.2":"三"},"PID-8":"M"}]}""";

    private final Sandbox sandbox = new Sandbox(new ScriptLimits(Duration.ofMillis(500), DataSize.ofMegabytes(32)));

    private String run(String body) {
        return sandbox.run(body, List.of(), MSG, "{}");
    }

    @Nested
    class NormalScripts {

        @Test
        void readsTheMessageAndReturnsJson() {
            assertThat(run("return msg.PID[0]['PID-5']['PID-5.1']")).isEqualTo("\"张\"");
            assertThat(run("return {sex: msg.PID[0]['PID-8'] === 'M' ? '男' : '女', n: [1, 2]}"))
                    .isEqualTo("{\"sex\":\"男\",\"n\":[1,2]}");
        }

        @Test
        void seesTheStepsOutput() {
            assertThat(sandbox.run("return steps.a + 1", List.of(), MSG, "{\"a\":41}")).isEqualTo("42");
        }

        @Test
        void nothingReturnedIsNull() {
            assertThat(run("var x = 1;")).isNull();
        }

        @Test
        void callsItsLibraries() {
            String lib = "function fullName(m) { var n = m.PID[0]['PID-5']; return n['PID-5.1'] + n['PID-5.2']; }";
            assertThat(sandbox.run("return fullName(msg)", List.of(lib), MSG, "{}")).isEqualTo("\"张三\"");
        }

        @Test
        void aRunDoesNotSeeWhatAnEarlierRunLeftBehind() {
            run("globalThis.leak = 1; Object.prototype.polluted = true;");
            assertThat(run("return typeof leak + ':' + ({}).polluted")).isEqualTo("\"undefined:undefined\"");
        }

        @Test
        void aThrownErrorNamesItsLine() {
            assertThatThrownBy(() -> run("var a = 1;\nthrow new Error('no visit number');"))
                    .isInstanceOf(ScriptFailed.class).hasMessageContaining("no visit number")
                    .extracting(e -> ((ScriptFailed) e).line()).isEqualTo(2);
        }

        @Test
        void aSyntaxErrorIsRefusedWithItsLine() {
            assertThatThrownBy(() -> sandbox.checkLibrary("function ok() { return 1; }\nfunction broken( {"))
                    .isInstanceOf(ScriptFailed.class).extracting(e -> ((ScriptFailed) e).line()).isEqualTo(2);
            assertThatThrownBy(() -> sandbox.checkBody("return (")).isInstanceOf(ScriptFailed.class);
        }
    }

    @Nested
    class HostAccess {

        @ParameterizedTest
        @ValueSource(strings = {
                "return java.lang.System.getProperty('user.home')",
                "java.lang.System.exit(1)",
                "return Packages.java.io.File",
                "return new java.io.File('/etc/passwd').exists()",
                "load('/etc/passwd')",
                "return new java.net.Socket('127.0.0.1', 5432)",
                "return new XMLHttpRequest()",
                "return fetch('http://127.0.0.1/')",
                "importPackage(java.io)",
                "return readFile('/etc/passwd')",
                "return ({}).getClass().forName('java.lang.Runtime')",
                "return (function(){}).constructor('return java')().lang.Runtime",
                "return JavaAdapter",
                "return Object.getOwnPropertyNames(this).filter(n => /java|Packages|load|JavaImporter/.test(n)).length ? 'host' : undefined.x"})
        void isRefused(String script) {
            assertThatThrownBy(() -> run(script)).isInstanceOf(ScriptFailed.class);
        }

        @Test
        void theGlobalHoldsOnlyStandardObjects() {
            assertThat(run("return Object.getOwnPropertyNames(this).filter(n => /java|Packages|load|print|JavaImporter|getClass|Continuation/i.test(n))"))
                    .isEqualTo("[]");
        }
    }

    @Nested
    class Limits {

        @ParameterizedTest
        @ValueSource(strings = {"while (true) {}", "for (;;) { try { while (true) {} } finally { continue; } }",
                "function f() { while (true) {} } try { f(); } catch (e) { while (true) {} }"})
        void aRunawayLoopIsStoppedWithinTheLimit(String script) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> run(script)).isInstanceOf(ScriptFailed.class).hasMessageContaining("CPU time");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(run("return 1")).isEqualTo("1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"var a = []; while (true) { a.push(new Array(10000).join('x') + a.length); }",
                "var a = []; for (var i = 0; ; i++) { a[i] = {i: i, s: 'v' + i}; }",
                "var s = 'x'; while (true) { s = s + s; s.charAt(s.length - 1); }",
                "return 'x'.repeat(1e9)",
                "return new Array(1e9).join('x')", "return new Uint8Array(1e9)", "return 'ab'.padStart(1e9)",
                "return new Array(1e9).map(function (x) { return x; })", "var a = []; a.length = 4e9; return a.indexOf(1)",
                "var s = 'x'; for (var i = 0; i < 30; i++) { s += s; } return s.indexOf('y')",
                "var s = 'x'; for (var i = 0; i < 30; i++) { s += s; } return s",
                "var s = 'x'; for (var i = 0; i < 31; i++) { s += s; } return s",
                "var s = 'x'; for (var i = 0; i < 31; i++) { s += s; } return {s: s}"})
        void aMemoryBombIsStopped(String script) {
            assertThatThrownBy(() -> run(script)).isInstanceOf(ScriptFailed.class);
        }

        @Test
        void deepRecursionIsStopped() {
            assertThatThrownBy(() -> run("function f(n) { return f(n + 1) + 1; } return f(0)"))
                    .isInstanceOf(ScriptFailed.class);
        }
    }
}
