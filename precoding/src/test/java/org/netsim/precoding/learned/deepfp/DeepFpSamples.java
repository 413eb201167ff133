package org.netsim.precoding.learned.deepfp;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.netsim.precoding.Problem;
import org.netsim.precoding.TestProblems;

/** Small equal-cell problems for the DeepFP tests (3 BSs, 2 UEs each, M = 6, N = 2, d = 2 unless told). */
final class DeepFpSamples {

    /** A small architecture: T = 3, N_t = 6, d = 2, hidden 8-8. */
    static final DeepFpArchitecture SMALL = new DeepFpArchitecture(3, 6, 2, new int[] {8, 8});

    private DeepFpSamples() {
    }

    /** Problem {@code index}: interference-limited (cross gain 0.3, noise 0.05 W, budget 1 W). */
    static Problem problem(int index) {
        return TestProblems.uniform(1000L + index, 3, 2, 6, 2, 2, 1.0, 0.05, 0.3);
    }

    static List<Problem> problems(int from, int count) {
        List<Problem> out = new ArrayList<>();
        for (int s = from; s < from + count; s++) {
            out.add(problem(s));
        }
        return out;
    }

    static List<ZMatrixRMaj[]> initial(List<Problem> problems, String set) {
        List<ZMatrixRMaj[]> out = new ArrayList<>();
        for (int s = 0; s < problems.size(); s++) {
            out.add(DeepFpTrainer.initialPrecoders(problems.get(s), 7L, set, s));
        }
        return out;
    }
}
