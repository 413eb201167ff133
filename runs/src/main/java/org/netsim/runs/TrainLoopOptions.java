package org.netsim.runs;

import java.util.List;
import java.util.Map;
import org.netsim.precoding.gcn.GcnWmmsePrecoder;
import org.netsim.precoding.learned.deepfp.DeepFpPrecoder;
import org.netsim.precoding.learned.mpnn.StructuralMpnnPrecoder;
import org.netsim.precoding.learned.pcgnn.PcgnnPrecoder;
import org.netsim.precoding.learned.sun.SunDnnPrecoder;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code netsim train} that the step-based trainers (deepfp and gcn-wmmse) share, and which option
 * each model kind reads: an option given for another model kind is an error that names it, never silently ignored.
 */
final class TrainLoopOptions {

    @Option(names = "--resume", description = "deepfp, gcn-wmmse: continue the run in --out from its checkpoint.")
    boolean resume;

    @Option(names = "--layers", description = "deepfp, gcn-wmmse: unfolded layers; pcgnn: GNN layers. Default: 8 "
            + "(deepfp), 7 (gcn-wmmse), 3 (pcgnn).")
    Integer layers;

    @Option(names = "--validate-every", description = "deepfp, gcn-wmmse: validation period in steps. Default: 50 "
            + "(deepfp), 100 (gcn-wmmse).")
    Integer validateEvery;

    @Option(names = "--checkpoint-every", description = "deepfp, gcn-wmmse: checkpoint period in steps (deepfp: 0 "
            + "= only at the end). Default: 50 (deepfp), 100 (gcn-wmmse).")
    Integer checkpointEvery;

    /** Options only deepfp reads. */
    static final List<String> DEEPFP_ONLY = List.of("--supervised-steps", "--wsr-steps", "--label-samples",
            "--label-iterations", "--hidden", "--wsr-learning-rate", "--half-life");
    /** Options only gcn-wmmse reads. */
    static final List<String> GCN_ONLY = List.of("--steps", "--degree", "--features", "--decay-steps",
            "--decay-factor", "--weight-decay", "--clip", "--precision", "--device");
    /** Options of this class. */
    static final List<String> LOOP = List.of("--resume", "--layers", "--validate-every", "--checkpoint-every");
    /** Options the epoch-based trainers (sun-dnn, structural-mpnn) read and the step-based ones do not. */
    static final List<String> SUN_ONLY = List.of("--samples", "--epochs");
    /** Options only structural-mpnn reads. */
    static final List<String> MPNN_ONLY = List.of("--variant");

    /** Options of the step-based trainers and gcn-wmmse that pcgnn does not read (it reads --layers, --features). */
    static final List<String> PCGNN_FOREIGN = List.of("--steps", "--degree", "--decay-steps", "--decay-factor",
            "--weight-decay", "--clip", "--precision", "--device", "--resume", "--validate-every",
            "--checkpoint-every");

    /** Model kind → the options it does not read. */
    private static final Map<String, List<List<String>>> FOREIGN = Map.of(
            SunDnnPrecoder.NAME, List.of(DEEPFP_ONLY, GCN_ONLY, LOOP, MPNN_ONLY),
            DeepFpPrecoder.NAME, List.of(GCN_ONLY, SUN_ONLY, MPNN_ONLY),
            GcnWmmsePrecoder.NAME, List.of(DEEPFP_ONLY, SUN_ONLY, MPNN_ONLY),
            StructuralMpnnPrecoder.NAME, List.of(DEEPFP_ONLY, GCN_ONLY, LOOP),
            PcgnnPrecoder.NAME, List.of(DEEPFP_ONLY, PCGNN_FOREIGN, MPNN_ONLY),
            org.netsim.precoding.learned.uwmmse.UwmmsePrecoder.NAME, List.of(DEEPFP_ONLY, SUN_ONLY, MPNN_ONLY,
                    List.of("--degree", "--features", "--decay-steps", "--decay-factor", "--weight-decay", "--clip",
                            "--precision", "--device", "--resume", "--checkpoint-every")),
            org.netsim.precoding.learned.pgd.UnfoldedPgdPrecoder.NAME, List.of(DEEPFP_ONLY, SUN_ONLY, MPNN_ONLY,
                    List.of("--degree", "--features", "--clip", "--device", "--resume", "--checkpoint-every",
                            "--init-gain")));

    /** Rejects an option given that {@code model} does not read, naming it. */
    static void rejectForeignOptions(ParseResult parsed, String model) {
        for (List<String> group : FOREIGN.getOrDefault(model, List.of())) {
            for (String opt : group) {
                if (parsed.hasMatchedOption(opt)) {
                    throw new IllegalArgumentException(opt.substring(2) + ": not an option of --model " + model);
                }
            }
        }
    }

    /** Hands the shared options to the model kinds' own option sets (keeping their defaults where not given). */
    void copyInto(DeepFpTrainRun.Options deepfp, GcnWmmseTraining.Options gcn) {
        deepfp.resume = resume;
        gcn.resume = resume;
        if (layers != null) {
            deepfp.layers = layers;
        }
        gcn.layers = layers;
        if (validateEvery != null) {
            deepfp.validateEvery = validateEvery;
        }
        gcn.validateEvery = validateEvery;
        if (checkpointEvery != null) {
            deepfp.checkpointEvery = checkpointEvery;
        }
        gcn.checkpointEvery = checkpointEvery;
    }
}
