package org.netsim.scenarios.dataset;

/**
 * The NumPy element types this package reads and writes, all little-endian: {@code '<c16'} (complex128, stored as
 * interleaved real and imaginary float64), {@code '<f8'} (float64) and {@code '<i4'} (int32).
 */
public enum NpyDtype {
    /** complex128, {@code '<c16'}: 16 bytes per element, real part first. */
    COMPLEX128("<c16", 16),
    /** float64, {@code '<f8'}: 8 bytes per element. */
    FLOAT64("<f8", 8),
    /** int32, {@code '<i4'}: 4 bytes per element. */
    INT32("<i4", 4);

    private final String descr;
    private final int itemBytes;

    NpyDtype(String descr, int itemBytes) {
        this.descr = descr;
        this.itemBytes = itemBytes;
    }

    /** @return the NumPy type string written in the header's {@code 'descr'}, e.g. {@code "<f8"} */
    public String descr() {
        return descr;
    }

    /** @return bytes per element */
    public int itemBytes() {
        return itemBytes;
    }

    /**
     * @param descr a NumPy {@code 'descr'} string
     * @return the matching type, or {@code null} when it is not one of the supported little-endian types
     */
    public static NpyDtype fromDescr(String descr) {
        for (NpyDtype t : values()) {
            if (t.descr.equals(descr)) {
                return t;
            }
        }
        return null;
    }
}
