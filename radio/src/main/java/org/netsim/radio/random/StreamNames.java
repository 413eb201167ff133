package org.netsim.radio.random;

/**
 * The names of the radio components' random sub-streams ({@link RandomStreams#stream(String)}), one per component
 * and entity, so that every host names them alike and adding a UE, a cell or a precoder leaves the other streams'
 * draws unchanged. UE, site and cell indices are those of the layout and the drop.
 */
public final class StreamNames {

    /** The UE drop. */
    public static final String DROP = "drop";

    private StreamNames() {
    }

    /** @return {@code "mobility/ue/<ue>"} */
    public static String mobility(int ue) {
        return "mobility/ue/" + ue;
    }

    /** @return {@code "shadowing/ue/<ue>"}: the common (site-to-site correlated) shadowing component of a UE */
    public static String shadowingUe(int ue) {
        return "shadowing/ue/" + ue;
    }

    /** @return {@code "shadowing/link/<ue>/<site>"} */
    public static String shadowingLink(int ue, int site) {
        return "shadowing/link/" + ue + "/" + site;
    }

    /** @return {@code "fading/link/<ue>/<cell>"} */
    public static String fadingLink(int ue, int cell) {
        return "fading/link/" + ue + "/" + cell;
    }

    /** @return {@code "csi/link/<ue>/<cell>"} */
    public static String csiLink(int ue, int cell) {
        return "csi/link/" + ue + "/" + cell;
    }
}
