package org.medops.integration.scripts;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeJSON;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.json.JsonParser;

/**
 * Runs channel scripts. Rhino in interpreted mode, because its interpreter calls back every few thousand
 * instructions: that is where a run's CPU time and allocated bytes are measured and a runaway script is
 * stopped (with an {@link Error}, which no {@code try}/{@code finally} of the script can catch). Each run gets
 * fresh standard objects only — no {@code Packages}, {@code java}, {@code load}, no Java class can be reached
 * (the class shutter refuses all) — so a script sees nothing but its arguments and its libraries.
 * Compiled scripts are cached by their text, so each channel version's scripts compile once.
 */
public final class Sandbox {

    private static final int CACHE_LIMIT = 2_000;
    private static final int CHECK_EVERY = 5_000;
    private static final int MAX_RESULT = 4_194_304;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** What the safe standard objects still hold of the host. */
    private static final List<String> HOST_NAMES = List.of("JavaException", "Continuation");

    /**
     * Built-ins that build a huge string or array in one call, where the instruction observer cannot step in,
     * are capped; binary buffers (allocated whole on creation) are taken away.
     */
    private static final String GUARDS = """
            (function () {
              var MAX = 4194304;
              function over(n) { if (Number(n) > MAX) throw new RangeError('over ' + MAX + ' characters or elements'); }
              function guard(owner, name, check) {
                var original = owner[name];
                Object.defineProperty(owner, name, {configurable: true, writable: true, value: function () {
                  check.apply(this, arguments); return original.apply(this, arguments); }});
              }
              function long() { over(this == null ? 0 : this.length); }
              // Every array and string method walks its receiver natively: a huge (sparse or lazily concatenated) one is refused.
              [Array.prototype, String.prototype].forEach(function (proto) {
                Object.getOwnPropertyNames(proto).forEach(function (name) {
                  if (name !== 'constructor' && name !== 'toString' && name !== 'valueOf' && typeof proto[name] === 'function') {
                    guard(proto, name, long);
                  }
                });
              });
              guard(String.prototype, 'repeat', function (n) { over(String(this).length * Number(n)); });
              guard(String.prototype, 'padStart', over);
              guard(String.prototype, 'padEnd', over);
              guard(Array, 'from', function (a) { over(a == null ? 0 : a.length); });
              guard(JSON, 'stringify', function (v) { if (typeof v === 'string' || Array.isArray(v)) { over(v.length); } });
              ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
               'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']
                .forEach(function (name) { delete globalThis[name]; });
            })();
            """;

    private final ScriptLimits limits;
    private final Guarded factory = new Guarded();
    private final Map<String, Script> compiled = new ConcurrentHashMap<>();

    public Sandbox(ScriptLimits limits) {
        this.limits = limits;
    }

    /** Refuses a function body (a step, transformer or filter script) that does not compile. */
    public void checkBody(String body) {
        compile(wrap(body), "script");
    }

    /** Refuses a library that does not compile. */
    public void checkLibrary(String source) {
        compile(source, "library");
    }

    public String run(String body, List<String> libraries, String msgJson, String stepsJson) {
        return run(body, libraries, msgJson, stepsJson, null);
    }

    /**
     * Runs {@code body} as {@code function (msg, steps, output) {…}} after the libraries' sources, with the
     * arguments parsed from JSON (null: undefined). Answers the result as JSON text, or null when it returned nothing.
     */
    public String run(String body, List<String> libraries, String msgJson, String stepsJson, String outputJson) {
        Script function = compiled(wrap(body), "script");
        List<Script> libs = libraries.stream().map(source -> compiled(source, "library")).toList();
        Context cx = factory.enterContext();
        try {
            cx.setInterpretedMode(true);
            cx.setInstructionObserverThreshold(CHECK_EVERY);
            cx.setClassShutter(name -> false);
            cx.setMaximumInterpreterStackDepth(2_000);
            cx.putThreadLocal(Budget.class, new Budget(limits));
            ScriptableObject scope = cx.initSafeStandardObjects();
            HOST_NAMES.forEach(scope::delete);
            compiled(GUARDS, "guards").exec(cx, scope, scope);
            for (Script lib : libs) {
                lib.exec(cx, scope, scope);
            }
            Function fn = (Function) function.exec(cx, scope, scope);
            Object result = fn.call(cx, scope, scope, new Object[]{parse(cx, scope, msgJson),
                    parse(cx, scope, stepsJson), parse(cx, scope, outputJson)});
            if (result == null || result instanceof Undefined) {
                return null;
            }
            if (result instanceof CharSequence text && text.length() > MAX_RESULT) {
                throw new ScriptFailed("script result over " + MAX_RESULT + " characters", 0);
            }
            Object json = NativeJSON.stringify(cx, scope, result, null, null);
            return json instanceof Undefined ? null : json.toString();
        } catch (LimitExceeded e) {
            throw new ScriptFailed(e.getMessage(), 0);
        } catch (RhinoException e) {
            throw new ScriptFailed(e.details(), e.lineNumber());
        } catch (StackOverflowError e) {
            throw new ScriptFailed("script recursed too deep", 0);
        } catch (RuntimeException e) {
            // The engine's own failures (a string over 2^31 characters: NegativeArraySizeException) still fail only the script.
            throw new ScriptFailed("script failed: " + e.getClass().getSimpleName(), 0);
        } finally {
            Context.exit();
        }
    }

    private static Object parse(Context cx, Scriptable scope, String json) {
        if (json == null) {
            return Undefined.instance;
        }
        try {
            return new JsonParser(cx, scope).parseValue(json);
        } catch (JsonParser.ParseException e) {
            throw new ScriptFailed("input is not JSON", 0);
        }
    }

    /** A body becomes a function expression; its first line is line 1 of the wrapper too. */
    private static String wrap(String body) {
        return "(function (msg, steps, output) {" + body + "\n})";
    }

    private Script compiled(String source, String name) {
        Script script = compiled.get(source);
        if (script == null) {
            if (compiled.size() > CACHE_LIMIT) {
                compiled.clear();
            }
            script = compile(source, name);
            compiled.put(source, script);
        }
        return script;
    }

    private Script compile(String source, String name) {
        Context cx = factory.enterContext();
        try {
            cx.setInterpretedMode(true);
            return cx.compileString(source, name, 1, null);
        } catch (EvaluatorException e) {
            throw new ScriptFailed(e.details(), e.lineNumber());
        } finally {
            Context.exit();
        }
    }

    /** What a run may still use, measured on its own thread. */
    private static final class Budget {
        private final long cpuUntil;
        private final long allocatedUntil;

        Budget(ScriptLimits limits) {
            cpuUntil = THREADS.getCurrentThreadCpuTime() + limits.cpuTime().toNanos();
            allocatedUntil = THREADS.getCurrentThreadAllocatedBytes() + limits.allocation().toBytes();
        }

        void check(ScriptLimits limits) {
            if (THREADS.getCurrentThreadCpuTime() > cpuUntil) {
                throw new LimitExceeded("script stopped: CPU time over " + limits.cpuTime().toMillis() + " ms");
            }
            if (THREADS.getCurrentThreadAllocatedBytes() > allocatedUntil) {
                throw new LimitExceeded("script stopped: allocated over " + limits.allocation().toMegabytes() + " MB");
            }
        }
    }

    private final class Guarded extends ContextFactory {
        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            Budget budget = (Budget) cx.getThreadLocal(Budget.class);
            if (budget != null) {
                budget.check(limits);
            }
        }
    }

    /** An Error, not an exception: a script's catch and finally blocks do not run on it. */
    private static final class LimitExceeded extends Error {
        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
