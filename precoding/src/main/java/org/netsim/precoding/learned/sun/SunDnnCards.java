package org.netsim.precoding.learned.sun;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netsim.precoding.learned.sun.SunDnnArchitecture.InputTransform;

/**
 * The parts of a {@code sun-dnn} model card that every trainer writes the same way: the hyperparameters of the
 * architecture and the training run, and the units of the network's input and output.
 */
public final class SunDnnCards {

    private SunDnnCards() {
    }

    /** @return the architecture's hyperparameters plus those of the training run (RMSprop, MSE loss) */
    public static Map<String, Object> hyperparameters(SunDnnArchitecture a, SunDnnTrainer.Config c,
            SunDnnTrainer.Result r, boolean binarize) {
        Map<String, Object> hyper = new LinkedHashMap<>(a.hyperparameters());
        hyper.put("optimizer", "RMSprop");
        hyper.put("learningRate", c.learningRate());
        hyper.put("rho", c.rho());
        hyper.put("epsilon", c.epsilon());
        hyper.put("batchSize", c.batchSize());
        hyper.put("maxEpochs", c.epochs());
        hyper.put("decayFactor", c.decayFactor());
        hyper.put("bestEpoch", r.bestEpoch());
        hyper.put("loss", "MSE of p_k / P_k against the WMMSE labels");
        hyper.put(SunDnnPrecoder.BINARIZE, binarize);
        return hyper;
    }

    /** @return the card's units: input features, output and sum-rate scores */
    public static Map<String, String> units(SunDnnArchitecture a) {
        String input = (a.transform() == InputTransform.LOG_MAGNITUDE ? "ln(|h_kj| sqrt(P_j) / sigma_k)"
                : "|h_kj| sqrt(P_j) / sigma_k") + ", dimensionless, "
                + (a.layout() == SunDnnArchitecture.InputLayout.CELLS ? "one row per cell (N x K)"
                        : "all links (K x K)");
        return Map.of("input", input, "output", "q_k = p_k / P_k, dimensionless in [0, 1]",
                "sumRate", "bit/s/Hz in the scores named *Bit, ratios dimensionless");
    }
}
