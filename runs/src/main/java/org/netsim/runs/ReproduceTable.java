package org.netsim.runs;

import java.util.List;
import java.util.Map;

/**
 * One paper table that {@code netsim reproduce} regenerates: its name on the command line, a one-line description,
 * the default sample count, and how its rows are measured. The paper's values live in the resource file
 * {@code org/netsim/runs/reproduce/<name>.csv} ({@link PaperRow}); a table's class only measures.
 */
interface ReproduceTable {

    /** @return the name on the command line, also the resource file's base name */
    String name();

    /** @return a one-line description naming the paper and its table */
    String description();

    /** @return the samples used when {@code --samples} is not given (small enough for minutes on one CPU) */
    int defaultSamples();

    /** @return the paper's sample count, for the report's header */
    String paperSamples();

    /** @return the paper's rows, from the resource file */
    default List<PaperRow> rows() {
        return PaperRow.load(name());
    }

    /**
     * Measures the rows it can. Rows that are not registered or carry a note are filtered out before; a row missing
     * from the result is reported "not available" with the message of {@link Measured#unavailable}.
     *
     * @param rows the rows to measure (registered precoder, no note)
     * @return per row name its measured value or the reason it is not available
     */
    Map<String, Measured> measure(List<PaperRow> rows, ReproduceContext ctx) throws Exception;

    /** A measured value with the command that measures it, or the reason a row cannot be measured. */
    record Measured(double value, String command, String unavailable) {
        static Measured of(double value, String command) {
            return new Measured(value, command, null);
        }

        static Measured notAvailable(String why, String command) {
            return new Measured(Double.NaN, command, why);
        }
    }
}
