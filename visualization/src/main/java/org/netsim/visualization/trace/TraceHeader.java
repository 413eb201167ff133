package org.netsim.visualization.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.netsim.radio.geometry.HexagonalWrapAround;
import org.netsim.radio.geometry.Position;
import org.netsim.radio.layout.Cell;
import org.netsim.radio.layout.HexagonalLayout;
import org.netsim.radio.layout.NetworkLayout;

/**
 * The network description at the head of a trace (see {@link TraceFormat} and docs/simulation.md): site positions,
 * cells, and for hexagonal layouts the inter-site distance, sectors and the wrap-around shift vectors.
 *
 * @param scenario the scenario name
 * @param slotDurationS the slot duration in seconds
 * @param sitesM site positions {x, y} in metres
 * @param cellSite the site of every cell
 * @param cellBoresightRad the boresight of every cell (NaN for omnidirectional cells)
 * @param interSiteDistanceM the ISD of a hexagonal layout (NaN otherwise)
 * @param wrapShiftsM the wrap-around shift vectors {x, y} in metres (empty without wrap-around)
 */
public record TraceHeader(String scenario, double slotDurationS, List<double[]> sitesM, int[] cellSite,
        double[] cellBoresightRad, double interSiteDistanceM, List<double[]> wrapShiftsM) {

    /** Parses the header JSON of a trace; a malformed header is an {@link IOException} naming the field. */
    public static TraceHeader parse(String json) throws IOException {
        JsonNode h = new ObjectMapper().readTree(json);
        if (h == null || !h.isObject()) {
            throw new IOException("trace header: not a JSON object");
        }
        List<double[]> sites = points(h, "sites_m");
        JsonNode cells = h.get("cells");
        if (cells == null || !cells.isArray()) {
            throw new IOException("trace header: cells missing");
        }
        int[] site = new int[cells.size()];
        double[] bore = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            site[c] = cells.get(c).path("site").asInt(-1);
            if (site[c] < 0 || site[c] >= sites.size()) {
                throw new IOException("trace header: cells[" + c + "].site out of range");
            }
            bore[c] = cells.get(c).has("boresight_rad") ? cells.get(c).get("boresight_rad").asDouble() : Double.NaN;
        }
        return new TraceHeader(h.path("scenario").asText(""), h.path("slot_duration_s").asDouble(1e-3), sites,
                site, bore, h.has("inter_site_distance_m") ? h.get("inter_site_distance_m").asDouble() : Double.NaN,
                h.has("wrap_shifts_m") ? points(h, "wrap_shifts_m") : List.of());
    }

    /**
     * The description of a live network, equal to what {@link #parse} reads from the header {@code netsim run}
     * writes for the same layout (a test holds them equal).
     *
     * @param scenario the scenario name
     * @param layout the network layout
     * @param slotDurationS the slot duration in seconds
     */
    public static TraceHeader of(String scenario, NetworkLayout layout, double slotDurationS) {
        List<double[]> sites = new ArrayList<>();
        for (Position p : layout.sites()) {
            sites.add(new double[] {p.xM(), p.yM()});
        }
        List<Cell> cells = layout.cells();
        int[] site = new int[cells.size()];
        double[] bore = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            site[c] = cells.get(c).site();
            bore[c] = cells.get(c).isSectorized() ? cells.get(c).boresightRad() : Double.NaN;
        }
        double isd = Double.NaN;
        List<double[]> shifts = new ArrayList<>();
        if (layout instanceof HexagonalLayout hex) {
            isd = hex.interSiteDistanceM();
            if (hex.area() instanceof HexagonalWrapAround wrap) {
                for (Position p : wrap.shiftVectors()) {
                    shifts.add(new double[] {p.xM(), p.yM()});
                }
            }
        }
        return new TraceHeader(scenario, slotDurationS, sites, site, bore, isd, shifts);
    }

    private static List<double[]> points(JsonNode h, String key) throws IOException {
        JsonNode a = h.get(key);
        if (a == null || !a.isArray()) {
            throw new IOException("trace header: " + key + " missing");
        }
        List<double[]> out = new ArrayList<>();
        for (JsonNode p : a) {
            if (!p.isArray() || p.size() != 2) {
                throw new IOException("trace header: " + key + " must hold [x, y] pairs");
            }
            out.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
        }
        return out;
    }

    /** @return whether the layout is a hexagonal grid (cell outlines can be drawn) */
    public boolean hexagonal() {
        return !Double.isNaN(interSiteDistanceM);
    }
}
