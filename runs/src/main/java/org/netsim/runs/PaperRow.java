package org.netsim.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a paper's table as transcribed into the table's resource file
 * ({@code org/netsim/runs/reproduce/<table>.csv}): the row's name, the paper's value and unit, where in the paper
 * it stands, and how we measure it.
 *
 * <p>Columns of the file: {@code row,paper,unit,source,key,precoder,baseline,scenario,note}. Lines starting with
 * {@code #} are comments; fields may be double-quoted (a quote inside doubled). {@code key} names the measured
 * quantity for the table's class; {@code precoder} (a precoder spec {@code NAME[:KEY=VALUE]...}, possibly with the
 * placeholder {@value #MODEL_PLACEHOLDER}; not written with a dollar-brace, which the build filters) is checked against the precoder registry at run time; {@code baseline}
 * and {@code scenario} are used by tables that run {@code netsim compare}; a non-empty {@code note} says why the
 * row cannot be measured with what ships (it is reported as "not available: note").
 *
 * @param paper the paper's value in {@code unit}, NaN where the paper prints none (the row is then ours only)
 */
record PaperRow(String row, double paper, String unit, String source, String key, String precoder, String baseline,
        String scenario, String note) {

    /** Placeholder in a precoder spec for the {@code --model DIR} of {@code netsim reproduce}. */
    static final String MODEL_PLACEHOLDER = "MODEL_DIR";

    /** The resource folder of the paper tables. */
    static final String FOLDER = "/org/netsim/runs/reproduce/";

    /** @return the registered name of the row's precoder (the spec up to its first ':'), empty if none */
    String precoderName() {
        int c = precoder.indexOf(':');
        return c < 0 ? precoder : precoder.substring(0, c);
    }

    /** Reads the rows of {@code FOLDER + table + ".csv"}. */
    static List<PaperRow> load(String table) {
        String resource = FOLDER + table + ".csv";
        try (InputStream in = PaperRow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reproduce: no paper values resource " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PaperRow> parse(BufferedReader r, String name) throws IOException {
        List<PaperRow> rows = new ArrayList<>();
        String line;
        boolean header = true;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (header) {
                if (!String.join(",", f).equals("row,paper,unit,source,key,precoder,baseline,scenario,note")) {
                    throw new IllegalStateException(name + ":" + n + ": unexpected header " + line);
                }
                header = false;
                continue;
            }
            if (f.size() != 9) {
                throw new IllegalStateException(name + ":" + n + ": expected 9 fields, got " + f.size());
            }
            double paper = f.get(1).isEmpty() ? Double.NaN : Double.parseDouble(f.get(1));
            rows.add(new PaperRow(f.get(0), paper, f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                    f.get(8)));
        }
        return rows;
    }

    /** Splits one CSV line; fields may be double-quoted. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
