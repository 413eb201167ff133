package org.netsim.precoding.learned.gcn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.precoding.gcn.GcnWmmseWeights;

/**
 * The complete state of a GCN-WMMSE training run after {@code step} steps ({@link GcnWmmseTrainer}): the
 * parameters theta (with a_{W,lg} = |theta_lg|), AdamW's moments, the running sum behind b_S, and the history. JSON
 * with doubles written in their shortest exact form, so a resumed run continues bit for bit. This module encodes
 * and decodes; the runs module writes the file (atomically).
 *
 * @param configIdentity the hyperparameters the run must keep ({@code Config.identity()})
 * @param step training steps done
 * @param optimizerSteps AdamW updates applied (step minus skipped steps)
 * @param theta parameters by tensor name (the layout of {@link GcnWmmseWeights#toArrays})
 * @param firstMoments AdamW m by name
 * @param secondMoments AdamW v by name
 * @param biasScaleSum sum of sqrt(P_k / |I_k|) over the training realisations and BSs seen
 * @param biasScaleCount their number
 * @param skippedSteps steps whose loss or gradient was not finite
 * @param elapsedS training wall time so far, in seconds
 * @param steps one record per step
 * @param validations one record per validation
 */
public record GcnWmmseCheckpoint(String configIdentity, int step, long optimizerSteps, Map<String, double[]> theta,
        Map<String, double[]> firstMoments, Map<String, double[]> secondMoments, double biasScaleSum,
        long biasScaleCount, int skippedSteps, double elapsedS, List<StepRecord> steps,
        List<ValidationRecord> validations) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * One training step.
     *
     * @param step 1-based step number
     * @param trainingWsr mean WSR of V^(L) on the step's minibatch, nat/s/Hz (before the update)
     * @param learningRate eta used
     * @param gradientNorm total gradient norm before clipping
     * @param applied false when the step was skipped (non-finite loss or gradient)
     * @param elapsedS wall time since the run started, seconds
     */
    public record StepRecord(int step, double trainingWsr, double learningRate, double gradientNorm,
            boolean applied, double elapsedS) {
    }

    /**
     * One validation.
     *
     * @param step steps done when validated (0 = initial weights)
     * @param validationWsr mean WSR of V^(L) on the validation set, nat/s/Hz
     */
    public record ValidationRecord(int step, double validationWsr) {
    }

    public GcnWmmseCheckpoint {
        theta = copy(theta);
        firstMoments = copy(firstMoments);
        secondMoments = copy(secondMoments);
        steps = List.copyOf(steps);
        validations = List.copyOf(validations);
    }

    /** @return a copy of theta */
    public Map<String, double[]> copyTheta() {
        return copy(theta);
    }

    /** @return b_S, the running mean of sqrt(P_k / |I_k|) (1 before any training sample) */
    public double biasScale() {
        return biasScaleCount == 0 ? 1.0 : biasScaleSum / biasScaleCount;
    }

    /**
     * The network's weights at this step, for problems in watts: a_{W,lg} = |theta_lg|, b_S the running mean, and,
     * when the run trained in another power unit u (W), the diagonal-loading taps a_{V,l0} multiplied by u. The
     * network with theta on problems in u and these weights on the same problems in W give the same precoders
     * (scaled by sqrt(u)) and the same WSR: with P and sigma^2 divided by u, V and Y = (R~)^+ V~ scale by u^-1/2
     * and V~ by u^1/2, so only the term V~ a_{V,l0} of (13) changes its weight, by 1/u; the bias term
     * sqrt(P_k / |I_k|) b_l / b_S keeps its value because b_S is the running mean in u, which is the factor
     * u^-1/2 that modReLU(x, b) = u^-1/2 modReLU(u^1/2 x, u^1/2 b) asks for.
     *
     * @param powerUnitW the training power unit u in W ({@link GcnWmmseTrainer.Config#powerUnitW()})
     */
    public GcnWmmseWeights weights(int layers, int degree, int features, double powerUnitW) {
        Map<String, double[]> a = copy(theta);
        double[] w = a.get(GcnWmmseWeights.W_TAPS);
        for (int e = 0; e < w.length; e++) {
            w[e] = Math.abs(w[e]);
        }
        double[] load = a.get(GcnWmmseWeights.V_LOAD_TAPS);
        for (int e = 0; e < load.length; e++) {
            load[e] *= powerUnitW;
        }
        return GcnWmmseWeights.fromArrays(layers, degree, features, biasScale(), a);
    }

    /** @return the checkpoint as UTF-8 JSON */
    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("checkpoint: cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param in the JSON; read, not closed
     * @param source for messages
     * @throws IllegalArgumentException (one line) naming the source when it is not a checkpoint
     */
    public static GcnWmmseCheckpoint fromJson(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, GcnWmmseCheckpoint.class);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw new IllegalArgumentException(source + ": not a gcn-wmmse checkpoint: "
                    + (nl < 0 ? msg : msg.substring(0, nl)), e);
        }
    }

    private static Map<String, double[]> copy(Map<String, double[]> a) {
        if (a == null) {
            throw new IllegalArgumentException("checkpoint: a parameter map is missing");
        }
        Map<String, double[]> c = new LinkedHashMap<>();
        a.forEach((k, v) -> c.put(k, v.clone()));
        return c;
    }
}
