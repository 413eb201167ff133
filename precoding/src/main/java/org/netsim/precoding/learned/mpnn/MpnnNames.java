package org.netsim.precoding.learned.mpnn;

import java.util.List;

/** Names of the StructuralMPNN's layers and parameters, shared by the two executors and the parameter file. */
final class MpnnNames {

    private MpnnNames() {
    }

    /** The V feature module's maps A_1..A_3 (Fig. 3): desired, intra-cell, inter-cell precoders. */
    static final List<String> V_FEATURES = List.of("vDesired", "vIntraCell", "vInterCell");
    /**
     * The HV feature module's maps B_1..B_5 (Fig. 4): desired signal, intra-cell and inter-cell interference
     * received, interference caused to intra-cell and to inter-cell UEs.
     */
    static final List<String> HV_FEATURES = List.of("hvDesired", "hvIntraCell", "hvInterCell", "hvToIntraCell",
            "hvToInterCell");
    static final String MPNN_1 = "mpnn1";
    static final String MPNN_2 = "mpnn2";
    static final String HEAD_L = "headLeft";
    static final String HEAD_R = "headRight";
    static final String HEAD_V = "headV";
    /** The dimension-expansion matrix D, real and imaginary parts. */
    static final String D_RE = "expansion.re";
    static final String D_IM = "expansion.im";

    /** Suffixes of a complex affine layer's four real parameters: W_r, W_i ([out, in]), b_r, b_i ([out]). */
    static final List<String> LAYER_PARTS = List.of(".weight.re", ".weight.im", ".bias.re", ".bias.im");

    /** Lower bound on a BS's squared norm before the normalisation (5), so that a zero precoder stays finite. */
    static final double MIN_POWER = 1e-20;
    /** sqrt(2 / pi) of the tanh form of GELU. */
    static final double GELU_C = Math.sqrt(2.0 / Math.PI);
    /** Cubic coefficient of the tanh form of GELU. */
    static final double GELU_A = 0.044715;
}
