package org.netsim.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code netsim example}: the drone example headless with a tiny horizon, and its one-line errors. */
class ExampleCommandTest {

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetsimCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void dronesRunHeadless() {
        Result r = run("example", "drones", "--slots", "20", "--drones", "3", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("drones: 20 slots (1.0 s of flight), 3 to 3 drones in the air"), r.out());
        Result hex = run("example", "drones", "--slots", "5", "--drones", "2", "--bs", "hexagonal");
        assertEquals(0, hex.code(), hex.err());
    }

    @Test
    void badNamesAndOptionsAreOneLineErrors() {
        Result r = run("example", "boats");
        assertEquals(NetsimCli.EXIT_FAILURE, r.code());
        assertEquals("netsim: example: unknown example 'boats' (known: drones)\n", r.err());
        Result bs = run("example", "drones", "--bs", "towers");
        assertEquals(NetsimCli.EXIT_FAILURE, bs.code());
        assertEquals("netsim: bs: must be masts or hexagonal, got 'towers'\n", bs.err());
        Result slots = run("example", "drones", "--slots", "0");
        assertEquals("netsim: slots: must be >= 1, got 0\n", slots.err());
    }
}
